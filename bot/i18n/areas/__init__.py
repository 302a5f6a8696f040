"""Catalog areas: each module here defines `EN` and `FR` dicts with the same keys.

Each area keeps one feature's words together, in both languages; `bot/i18n` merges
them into one catalog per language and refuses a key defined twice.
"""
