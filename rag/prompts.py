"""Prompt templates as files: `prompts/<name>.yaml`, rendered with Jinja2 StrictUndefined.

Each file holds a `description`, the `variables` it needs, and Jinja2 `system` and `user`
parts. A missing variable fails loudly (ConfigError) instead of sending a prompt with a
hole in it — prompts are user-editable through `RAG_PROMPTS_DIR`, so a broken one is a
configuration problem the user can fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .settings import PROJECT_ROOT

DEFAULT_PROMPTS_DIR = PROJECT_ROOT / "prompts"

# Untrusted text (an uploaded draft, free-form applicant text) is fenced in <data> tags;
# removing look-alike tags inside it stops the text from closing the fence early.
_FENCE_TAG = re.compile(r"</?\s*(data|clauses|clause)\b[^>]*>", re.I)


@dataclass(frozen=True)
class PromptTemplate:
    """One prompt file: its variables and the unrendered system and user parts."""

    name: str
    description: str
    variables: tuple[str, ...]
    system: str
    user: str


def available(prompts_dir: Path | None = None) -> list[str]:
    """Names of the prompt templates in `prompts_dir`."""
    folder = Path(prompts_dir or DEFAULT_PROMPTS_DIR)
    return sorted(p.stem for p in folder.glob("*.yaml"))


def load(name: str, prompts_dir: Path | None = None) -> PromptTemplate:
    """Read one prompt file; ConfigError when it is missing or malformed."""
    import yaml

    path = Path(prompts_dir or DEFAULT_PROMPTS_DIR) / f"{name}.yaml"
    if not path.is_file():
        raise ConfigError(f"找不到提示词模板 / prompt template not found: {path}")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"提示词模板格式错误 / prompt template {path} is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("user"), str):
        raise ConfigError(f"提示词模板缺少 user 部分 / prompt template {path} needs a `user` text")
    return PromptTemplate(
        name=name,
        description=str(raw.get("description", "")),
        variables=tuple(raw.get("variables") or ()),
        system=str(raw.get("system") or ""),
        user=raw["user"],
    )


def render(name: str, prompts_dir: Path | None = None, **variables: Any) -> list[tuple[str, str]]:
    """Render prompt `name` into chat messages [(role, text)]; ConfigError on a missing variable."""
    import jinja2

    template = load(name, prompts_dir)
    missing = [v for v in template.variables if v not in variables]
    if missing:
        raise ConfigError(f"提示词 {name} 缺少变量 / prompt {name} is missing variable(s): {', '.join(missing)}")
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text for a model, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["data"] = fence_data
    messages: list[tuple[str, str]] = []
    try:
        for role, source in (("system", template.system), ("user", template.user)):
            if source.strip():
                messages.append((role, env.from_string(source).render(**variables).strip()))
    except jinja2.UndefinedError as exc:
        raise ConfigError(f"提示词 {name} 缺少变量 / prompt {name} uses an undefined variable: {exc.message}") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(
            f"提示词模板语法错误 / prompt {name} has a template error at line {exc.lineno}: {exc.message}"
        ) from exc
    return messages


def fence_data(text: Any) -> str:
    """Untrusted text made safe to place inside a <data> fence (look-alike tags removed)."""
    return _FENCE_TAG.sub("", str(text))
