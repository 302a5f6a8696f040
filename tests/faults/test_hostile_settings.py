"""Generated hostile values in the settings modal's fields: each problem comes back on
its field, never an unhandled error, and nothing typed is stored."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain import Phase
from tests.support.flows import open_view_id, setup_group
from tests.support.stack import CHANNEL, FACILITATOR, TEAM

from .test_hostile_input import SETTINGS, Watch, _answered, texts

pytestmark = pytest.mark.faults

FIELDS = [f"{kind}_{int(p)}" for kind in ("live", "async") for p in Phase]
numbers = st.one_of(
    texts,
    st.sampled_from(["0", "-5", "241", "337", "²", "١٢", "1e3", "9" * 5000, " 12 ", "15.5"]),
)


def test_generated_settings_values_are_answered_on_their_fields(stack, caplog):
    watch = Watch(stack, caplog)
    setup_group(stack)

    @SETTINGS
    @given(field=st.sampled_from(FIELDS), value=numbers)
    def modal(field, value):
        _answered(stack.driver.command(FACILITATOR, CHANNEL, "settings"))
        response = stack.driver.submit_view(FACILITATOR, open_view_id(stack), {field: value})
        _answered(response)
        errors = (response.json() or {}).get("errors") if response.body.strip() else None
        with stack.services.ctx.uow_factory() as uow:
            group = uow.groups.by_channel(TEAM, CHANNEL)
            stored = {**(group.live_minutes or {}), **(group.async_hours or {})}
        for minutes in stored.values():
            assert isinstance(minutes, int) and 1 <= minutes <= 336
        if errors:
            assert list(errors) == [field]
        _answered(stack.driver.command(FACILITATOR, CHANNEL, "settings"))  # still opens

    modal()
    watch.check()
