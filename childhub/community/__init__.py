"""Community: questions and answers, shared experience, case discussions, flags and moderation."""
