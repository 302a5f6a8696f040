"""Started by Python in the suite's app processes when the calendar is moved (see
tests/support/calendar_shift.py): they share the test process's date."""

from tests.support.calendar_shift import move_calendar

move_calendar()
