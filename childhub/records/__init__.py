"""Records: each member's learning record across the hub, and the certificates it issues and verifies."""
