"""A component's description and parameter schema as text (``torchdesk describe ID``)."""

from __future__ import annotations

from torchdesk.core.specs import ComponentSpec, Param


def describe_component(spec: ComponentSpec) -> str:
    """Several lines: id, kind and name, the plugin that offers it, its description, then one line per parameter."""
    where = " ".join(part for part in (spec.distribution, spec.version) if part)
    lines = [f"{spec.id}  ({spec.kind}: {spec.name})",
             f"  from plugin {spec.plugin!r}" + (f" ({where})" if where else ""),
             f"  {spec.description.strip()}" if spec.description.strip() else "  (no description)"]
    if spec.migrate is not None:
        lines.append("  migrates checkpoints made with its earlier versions")
    if not spec.params:
        lines.append("  parameters: none")
    else:
        lines.append("  parameters:")
        lines.extend(f"    {_param_line(p)}" for p in spec.params)
    return "\n".join(lines)


def _param_line(param: Param) -> str:
    bounds = ""
    if param.type == "choice":
        bounds = f" one of {', '.join(map(str, param.choices))}"
    elif param.minimum is not None or param.maximum is not None:
        low = "" if param.minimum is None else f"{param.minimum:g}"
        high = "" if param.maximum is None else f"{param.maximum:g}"
        bounds = f" in [{low}, {high}]"
    help_text = f"  {param.help.strip()}" if param.help.strip() else ""
    return f"{param.name} ({param.type}{bounds}, default {param.default!r}){help_text}"
