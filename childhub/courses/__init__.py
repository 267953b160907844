"""Courses: self-paced learning in modules, lessons and blocks, with quizzes, progress kept across
language versions, and certificates issued (and co-issued) on completion."""
