"""Levels the person's profile records and what courses and job offers ask
for: one list each, shared by the add-ons that compare them."""

LANGUAGE_LEVELS = [
    ("native", "Native"),
    ("a1", "A1 - Beginner"),
    ("a2", "A2 - Elementary"),
    ("b1", "B1 - Intermediate"),
    ("b2", "B2 - Upper intermediate"),
    ("c1", "C1 - Advanced"),
    ("c2", "C2 - Proficient"),
]
COMPUTER_LEVELS = [
    ("0", "0 - No computer skills"),
    ("1", "1 - Basic"),
    ("2", "2 - Intermediate"),
    ("3", "3 - Advanced"),
]
