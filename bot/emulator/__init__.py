"""A local Slack: a fake Web API and a driver that sends signed requests.

Tests, `codev demo` and the benchmarks run the real app against it, so
nothing ever reaches slack.com and every call the app makes can be checked.
"""

from .blockkit import problems, view_problems
from .driver import Driver, sign
from .models import Call, Message, Response, SlackError
from .server import Emulator

__all__ = [
    "Call",
    "Driver",
    "Emulator",
    "Message",
    "Response",
    "SlackError",
    "problems",
    "sign",
    "view_problems",
]
