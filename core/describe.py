"""A component's description and parameter schema as text (``torchdesk describe ID``)."""

from __future__ import annotations

from torchdesk.core.i18n import component_text, translate
from torchdesk.core.specs import ComponentSpec, Param


def describe_component(spec: ComponentSpec) -> str:
    """Several lines: id, kind and name, the plugin that offers it, its description, then one line per parameter."""
    where = " ".join(part for part in (spec.distribution, spec.version) if part)
    description = component_text(spec.description).strip()
    lines = [f"{spec.id}  ({spec.kind}: {component_text(spec.name)})",
             translate("describe", "  from plugin {plugin}").format(plugin=repr(spec.plugin))
             + (f" ({where})" if where else ""),
             f"  {description}" if description else translate("describe", "  (no description)")]
    if spec.migrate is not None:
        lines.append(translate("describe", "  migrates checkpoints made with its earlier versions"))
    if not spec.params:
        lines.append(translate("describe", "  parameters: none"))
    else:
        lines.append(translate("describe", "  parameters:"))
        lines.extend(f"    {_param_line(p)}" for p in spec.params)
    return "\n".join(lines)


def _param_line(param: Param) -> str:
    bounds = ""
    if param.type == "choice":
        bounds = translate("describe", " one of {choices}").format(choices=", ".join(map(str, param.choices)))
    elif param.minimum is not None or param.maximum is not None:
        low = "" if param.minimum is None else f"{param.minimum:g}"
        high = "" if param.maximum is None else f"{param.maximum:g}"
        bounds = translate("describe", " in [{low}, {high}]").format(low=low, high=high)
    help_text = component_text(param.help).strip()
    help_text = f"  {help_text}" if help_text else ""
    return translate("describe", "{name} ({type}{bounds}, default {default}){help}").format(
        name=param.name, type=param.type, bounds=bounds, default=repr(param.default), help=help_text)
