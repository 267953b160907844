"""Notifications: what happened that a member follows, in the hub and by e-mail (immediate or digests)."""
