"""Datasets: research data sets: de-identified, k-anonymous exports of practice data for evaluation and research."""
