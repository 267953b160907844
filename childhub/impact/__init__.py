"""Impact: the figures funders ask for, computed from what the hub already records."""
