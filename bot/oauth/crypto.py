"""Tokens at rest: Fernet (AES-128-CBC + HMAC-SHA256), several keys for rotation.

CODEV_TOKEN_KEYS is a comma-separated list of Fernet keys: the first encrypts,
every one decrypts. To rotate, put a new key first, run `rotate()` (re-encrypts
every stored token with it), then drop the old key.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

PREFIX = "fernet:"


class TokenCipher:
    def __init__(self, keys: str | list[str]):
        if isinstance(keys, str):
            keys = [k.strip() for k in keys.split(",") if k.strip()]
        if not keys:
            raise ValueError(
                "CODEV_TOKEN_KEYS is empty: generate one with "
                "python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'"
            )
        try:
            self._fernet = MultiFernet([Fernet(k.encode()) for k in keys])
        except ValueError:
            raise ValueError(
                "CODEV_TOKEN_KEYS holds a value that is not a Fernet key (32 url-safe base64 bytes)"
            ) from None

    def encrypt(self, token: str | None) -> str | None:
        if token is None or token.startswith(PREFIX):
            return token
        return PREFIX + self._fernet.encrypt(token.encode()).decode()

    def decrypt(self, stored: str | None) -> str | None:
        if stored is None or not stored.startswith(PREFIX):
            return stored
        try:
            return self._fernet.decrypt(stored[len(PREFIX) :].encode()).decode()
        except InvalidToken:
            raise ValueError(
                "a stored token cannot be decrypted with CODEV_TOKEN_KEYS "
                "(was a key removed before rotation?)"
            ) from None

    def rotate(self, stored: str | None) -> str | None:
        if stored is None or not stored.startswith(PREFIX):
            return self.encrypt(stored)
        return PREFIX + self._fernet.rotate(stored[len(PREFIX) :].encode()).decode()
