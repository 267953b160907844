"""Accounts: members, their profiles and roles, organisations, consent and personal data."""
