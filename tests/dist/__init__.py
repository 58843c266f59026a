"""Tests of exactmech.dist (distributions, revenue, ironing, BBM segmentation)."""
