"""A stand-in for an app that records learning (as webinars and courses do), installed by the tests."""
