"""Catalog areas: each module here defines `EN` and `FR` dicts with the same keys.

Areas keep each feature's words together; they are merged into the main catalogs.
"""
