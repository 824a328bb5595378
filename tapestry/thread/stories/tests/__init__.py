"""Tests of the stories app."""
