"""A mistyped name in the playground is answered with the name it resembles, not as a permission problem."""

from __future__ import annotations

import pytest

from torchdesk.core.playground import Evaluator


@pytest.mark.parametrize(("code", "suggestion"), [
    ("z = torch.zeros(3)\nz.sahpe", "did you mean .shape?"),
    ("z = torch.zeros(3)\nz.unsqeeze(0)", "did you mean .unsqueeze?"),
    ("torch.zeroes(3)", "did you mean torch.zeros?"),
    ("np.arrange(3)", "did you mean np.arange?"),
    ("F.rellu(torch.ones(2))", "did you mean F.relu?"),
    ("[1, 2].apend(3)", "did you mean .append?"),
])
def test_a_typo_names_the_allowed_name_it_resembles(code: str, suggestion: str) -> None:
    result = Evaluator().run(code)
    assert not result.ok and result.error.kind == "refused"
    assert suggestion in result.error.message, result.error.message
    assert "allow-list" not in result.error.message  # a typo, not a permission


def test_an_allowed_name_of_another_type_suggests_one_of_this_types_names() -> None:
    # .items is allowed on a dict, so only the running code finds it is not a tensor's; the tensor's names are searched.
    result = Evaluator().run("z = torch.zeros(3)\nz.items()")
    assert result.error.kind == "refused" and "of a tensor" in result.error.message
    assert "did you mean .item?" in result.error.message


def test_a_name_like_nothing_allowed_still_says_it_is_not_on_the_allow_list() -> None:
    result = Evaluator().run("z = torch.zeros(3)\nz.qwertyuiop")
    assert result.error.kind == "refused" and "allow-list" in result.error.message and "did you mean" not in result.error.message
