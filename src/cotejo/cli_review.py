"""The `cotejo` commands of assessment and review: assess, show, history, review, users.

Registered on the main command group by `cotejo.cli`; every write goes through
`cotejo.review.service`, which checks the acting user's role.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import click

from cotejo.assess.explain import grade_words
from cotejo.config import resolve_settings
from cotejo.review.roles import Role
from cotejo.store.db import Store

Echo = Callable[[str], None]


def _store(ctx: click.Context) -> Store:
    return Store(resolve_settings(home=ctx.find_root().obj.get("home")), create=False)


def _as_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--as",
        "actor",
        envvar="COTEJO_USER",
        default=None,
        help="Who acts: a user from `cotejo users list` (default: $COTEJO_USER).",
    )(command)


def _rationale_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--rationale", required=True, help="Why; stored with the action in the audit log."
    )(command)


def _emit(result: Any, as_json: bool, text: str) -> None:
    click.echo(json.dumps(result, ensure_ascii=False) if as_json else text)


# -- printing ------------------------------------------------------------------------------------


def print_assess_summary(info: dict[str, Any], echo: Echo = click.echo) -> None:
    headlines = ", ".join(f"{k} {v}" for k, v in info["by_headline"].items()) or "none"
    echo(
        f"assess (rules {info['rules_version']}): {info['incidents']} incident(s), "
        f"{info['assessed']} assessed anew, {info['unchanged']} unchanged; "
        f"{info['flags']} flagged for review ({info['seconds']} s)"
    )
    echo(f"  headline grades: {headlines}")


def _range(found: dict[str, Any] | None) -> str:
    if not found:
        return "-"
    low, high = found["low"], found["high"]
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}–{high}"


def print_graded(view: dict[str, Any], echo: Echo = click.echo, details: bool = False) -> None:
    """One incident's grades with their explanations; `details` adds every origin's row."""
    echo("")
    echo(
        f"{view['incident']}  {view.get('event_type') or '-'}  {view.get('date') or '-'}  "
        f"{view.get('place') or '-'}  ({view['documents']} documents)"
    )
    if not view["assessed"]:
        echo("  not assessed yet: run `cotejo assess`")
        return
    echo(f"  {view['headline_explanation']}")
    echo(f"  rules {view['rules_version']}, assessed {view['assessed_at']}")
    if view["responsible"]:
        echo(f"  said to be responsible: {', '.join(view['responsible'])}")
    if details:
        echo(
            f"  {'attribute':<12} {'grade: value / a value [its grade]':<56} "
            "origin (kind; documents)"
        )
    for row in view["attributes"]:
        grade = grade_words(row["grade"], bool(row["acknowledged"]))
        if row["regrade"]:
            grade += f" (regraded; machine: {row['machine_grade']})"
        value = row["value"] or "-"
        if row["decision"]:
            value += f" ({row['decision']['action']}ed by {row['decision']['by']})"
        if details:
            echo(f"  {row['attribute']:<12} {grade}: {value}")
            for reading in row["readings"]:
                graded = grade_words(reading["grade"], bool(reading["acknowledged"]))
                says = [(f"{reading['value'][:24]} [{graded}]", o) for o in reading["origins"]]
                says += [(f"denies {reading['value'][:24]}", o) for o in reading["denied_by"]]
                shown = ""
                for label, origin in says:
                    echo(
                        f"  {'':<12} {(label if label != shown else ''):<56} "
                        f"{origin['origin']} ({origin['kind']}; {len(origin['documents'])})"
                    )
                    shown = label
        echo(f"  - {row['explanation']}")
        for flag in row["flags"]:
            echo(
                f"    FLAGGED FOR REVIEW: a person set {flag['human_value']!r}; the new "
                f"assessment says {flag['machine_value']!r} ({flag['machine_grade']})"
            )
        if row["regrade"]:
            echo(f"    regraded by {row['regrade']['by']}: {row['regrade']['rationale']}")
    for figure in view["figures"]:
        acting = figure["acting_party"]
        independent = figure["independent"]
        echo(
            f"  {figure['attribute']}: acting party {_range(acting)}"
            + (f" ({', '.join(acting['origins'])})" if acting else "")
            + f" | independent {_range(independent)}"
        )
    for note in view["notes"]:
        echo(f"  note by {note['by']} ({note['at']}): {note['note']}")


def print_history(items: list[dict[str, Any]], echo: Echo = click.echo) -> None:
    for item in items:
        line = f"{item['at']}  {item['what']}  by {item['by']}"
        if item.get("rationale"):
            line += f" — {item['rationale']}"
        echo(line)
        detail = item.get("detail") or {}
        if "before" in detail:
            echo(f"    before: {json.dumps(detail['before'], ensure_ascii=False)}")
            echo(f"    after:  {json.dumps(detail['after'], ensure_ascii=False)}")
        elif detail:
            echo(f"    {json.dumps(detail, ensure_ascii=False)}")


# -- commands ------------------------------------------------------------------------------------


@click.command()
@click.option(
    "--rules",
    "rules_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Grading rules (YAML). Default: $COTEJO_RULES, else the bundled rules.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.pass_context
def assess(ctx: click.Context, rules_file: Path | None, as_json: bool) -> None:
    """Grade every claim of every live incident by its independent origins.

    Each attribute (occurrence, date, place, killed, injured, perpetrator, affiliation of
    those harmed, and any other figure) gets a grade (corroborated, single-origin,
    contested, refuted) and the acknowledged flag, with an explanation naming the rule,
    the origins, documents and character spans. Only incidents whose evidence or rules
    changed get a new assessment; old ones are kept. A new assessment that disagrees with
    a value a person confirmed or corrected is flagged for review.
    """
    from cotejo.assess.rules import load_rules
    from cotejo.runner.assess import run_assess
    from cotejo.runner.lock import pipeline_lock

    rules = load_rules(rules_file)
    with closing(_store(ctx)) as store, pipeline_lock(store.settings.home, "cotejo assess"):
        info = run_assess(store, rules).as_dict()
    click.echo(json.dumps(info)) if as_json else print_assess_summary(info)


@click.command()
@click.argument("key")
@click.option("--json", "as_json", is_flag=True, help="Print the claims table as JSON.")
@click.pass_context
def show(ctx: click.Context, key: str, as_json: bool) -> None:
    """The claims table of incident KEY: per attribute, each origin's value, the grade and
    the explanation, with people's decisions and open review flags beside them."""
    from cotejo.review.views import incident_view

    with closing(_store(ctx)) as store:
        view = incident_view(store, key)
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=2))
    else:
        print_graded(view, details=True)


@click.command()
@click.argument("key")
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON Lines.")
@click.pass_context
def history(ctx: click.Context, key: str, as_json: bool) -> None:
    """Everything that happened to incident KEY, oldest first: creation, merges, splits and
    moves, every assessment with its rules version, review actions (author, before, after,
    rationale) and review flags."""
    from cotejo.review.views import history as incident_history

    with closing(_store(ctx)) as store:
        items = incident_history(store, key)
    if as_json:
        for item in items:
            click.echo(json.dumps(item, ensure_ascii=False))
    else:
        print_history(items)


@click.group()
def review() -> None:
    """Analysts' and reviewers' actions on incidents, each stored in the audit log.

    Who acts is given by --as NAME (or COTEJO_USER) and checked against the users table:
    annotate, confirm, correct, merge, split and move need the analyst role; regrade and
    affiliation need reviewer. A refused action changes nothing.
    """


@review.command("confirm")
@click.argument("key")
@click.argument("attribute")
@click.argument("value", required=False)
@_rationale_option
@_as_option
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def review_confirm(
    ctx: click.Context,
    key: str,
    attribute: str,
    value: str | None,
    rationale: str,
    actor: str | None,
    as_json: bool,
) -> None:
    """Confirm VALUE of ATTRIBUTE (default: the assessment's leading value) for incident KEY."""
    from cotejo.review.service import confirm

    with closing(_store(ctx)) as store:
        result = confirm(store, actor, key, attribute, value, rationale)
    _emit(result, as_json, f"confirmed {attribute} = {result['value']} (entry {result['entry']})")


def mention_ids(text: str) -> list[int]:
    """The mention ids of a --mentions option ("12,15")."""
    try:
        return [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise click.BadParameter(
            "give mention ids as numbers, e.g. 12,15", param_hint="--mentions"
        ) from None


@review.command("correct")
@click.argument("key")
@click.argument("attribute")
@click.argument("value")
@click.option(
    "--document", required=True, help="SHA-256 (or its first hex digits) of the evidence."
)
@click.option("--start", type=int, required=True, help="First character of the evidence span.")
@click.option("--end", type=int, required=True, help="One past the last character.")
@click.option(
    "--field",
    type=click.Choice(["text", "title"]),
    default="text",
    show_default=True,
    help="Whether the span is in the document's text or its title.",
)
@_rationale_option
@_as_option
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def review_correct(
    ctx: click.Context,
    key: str,
    attribute: str,
    value: str,
    document: str,
    start: int,
    end: int,
    field: str,
    rationale: str,
    actor: str | None,
    as_json: bool,
) -> None:
    """Correct ATTRIBUTE of incident KEY to VALUE, citing the span of a document."""
    from cotejo.review.service import correct

    with closing(_store(ctx)) as store:
        result = correct(
            store, actor, key, attribute, value, document, start, end, rationale, field=field
        )
    _emit(
        result,
        as_json,
        f"corrected {attribute} = {result['value']} citing «{result['evidence']['text']}» "
        f"(entry {result['entry']})",
    )


@review.command("regrade")
@click.argument("key")
@click.argument("attribute")
@click.argument("grade")
@_rationale_option
@_as_option
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def review_regrade(
    ctx: click.Context,
    key: str,
    attribute: str,
    grade: str,
    rationale: str,
    actor: str | None,
    as_json: bool,
) -> None:
    """Set the GRADE of ATTRIBUTE of incident KEY by hand (reviewer role)."""
    from cotejo.review.service import regrade

    with closing(_store(ctx)) as store:
        result = regrade(store, actor, key, attribute, grade, rationale)
    _emit(result, as_json, f"regraded {attribute}: {result['grade']} (entry {result['entry']})")


@review.command("annotate")
@click.argument("key")
@click.argument("note")
@click.option("--attribute", default=None, help="The attribute the note is about, if one.")
@_as_option
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def review_annotate(
    ctx: click.Context,
    key: str,
    note: str,
    attribute: str | None,
    actor: str | None,
    as_json: bool,
) -> None:
    """Add a NOTE to incident KEY."""
    from cotejo.review.service import annotate

    with closing(_store(ctx)) as store:
        result = annotate(store, actor, key, note, attribute)
    _emit(result, as_json, f"note added (entry {result['entry']})")


def decision_text(result: Any) -> str:
    """What a merge, split or move printed (`review ...` and `incidents ...` alike)."""
    return f"decision {result.decision_id} ({result.action}) stored; incidents now: " + ", ".join(
        result.incidents
    )


@review.command("merge")
@click.argument("keys", nargs=-1, required=True)
@_rationale_option
@_as_option
@click.pass_context
def review_merge(
    ctx: click.Context, keys: tuple[str, ...], rationale: str, actor: str | None
) -> None:
    """Merge incidents into the first KEY named."""
    from cotejo.review.service import merge

    with closing(_store(ctx)) as store:
        click.echo(decision_text(merge(store, actor, list(keys), rationale)))


@review.command("split")
@click.argument("key")
@click.option("--mentions", required=True, help="Comma-separated mention ids for the new incident.")
@_rationale_option
@_as_option
@click.pass_context
def review_split(
    ctx: click.Context, key: str, mentions: str, rationale: str, actor: str | None
) -> None:
    """Split the named mentions out of incident KEY into a new incident."""
    from cotejo.review.service import split

    ids = mention_ids(mentions)
    with closing(_store(ctx)) as store:
        click.echo(decision_text(split(store, actor, key, ids, rationale)))


@review.command("move")
@click.argument("mention", type=int)
@click.option("--to", "target", required=True, help="Key of the incident to move it into.")
@_rationale_option
@_as_option
@click.pass_context
def review_move(
    ctx: click.Context, mention: int, target: str, rationale: str, actor: str | None
) -> None:
    """Move one MENTION into another incident."""
    from cotejo.review.service import move

    with closing(_store(ctx)) as store:
        click.echo(decision_text(move(store, actor, mention, target, rationale)))


@review.command("affiliation")
@click.argument("source")
@click.argument("affiliation")
@_rationale_option
@_as_option
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def review_affiliation(
    ctx: click.Context,
    source: str,
    affiliation: str,
    rationale: str,
    actor: str | None,
    as_json: bool,
) -> None:
    """Mark SOURCE as belonging to AFFILIATION (a government or owner; "" clears it).

    Sources sharing an affiliation count as one origin from the next `cotejo assess` on.
    """
    from cotejo.review.service import mark_affiliation

    with closing(_store(ctx)) as store:
        result = mark_affiliation(store, actor, source, affiliation, rationale)
    _emit(
        result,
        as_json,
        f"{result['source']}: affiliation {result['affiliation']!r} (entry {result['entry']})",
    )


@review.command("queue")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one flag each.")
@click.pass_context
def review_queue(ctx: click.Context, as_json: bool) -> None:
    """Open review flags: a re-assessment disagrees with a value a person decided."""
    from cotejo.review.views import review_queue as queue

    with closing(_store(ctx)) as store:
        flags = queue(store)
    for flag in flags:
        if as_json:
            click.echo(json.dumps(flag, ensure_ascii=False))
        else:
            click.echo(
                f"{flag['incident']}  {flag['attribute']}: person {flag['human_value']!r}, "
                f"assessment {flag['machine_value']!r} ({flag['machine_grade']})"
            )
    if not flags and not as_json:
        click.echo("no open flags")


ROLE_NAMES = [role.label for role in Role]  # lowest first, as --help lists them


@click.group()
def users() -> None:
    """Who may act, and with which role: viewer < analyst < reviewer < admin.

    The first user of a store must be an admin; after that only an admin (--as) adds
    users or changes roles. A user signs in to the API and the web UI with a password
    (`users password`); scripts use API tokens (`users token`).
    """


@users.command("add")
@click.argument("name")
@click.option(
    "--role",
    required=True,
    type=click.Choice(ROLE_NAMES),
    help="The user's role.",
)
@_as_option
@click.pass_context
def users_add(ctx: click.Context, name: str, role: str, actor: str | None) -> None:
    """Add user NAME with a role."""
    from cotejo.review.service import add_user

    with closing(_store(ctx)) as store:
        result = add_user(store, actor, name, role)
    click.echo(f"user {result['username']} added as {result['role']}")


@users.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLE_NAMES))
@_as_option
@click.pass_context
def users_role(ctx: click.Context, name: str, role: str, actor: str | None) -> None:
    """Change the ROLE of user NAME (admin only)."""
    from cotejo.review.service import set_role

    with closing(_store(ctx)) as store:
        result = set_role(store, actor, name, role)
    click.echo(f"user {result['username']} is now {result['role']}")


@users.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one user each.")
@click.pass_context
def users_list(ctx: click.Context, as_json: bool) -> None:
    """Every user and their role."""
    from cotejo.review.service import list_users

    with closing(_store(ctx)) as store:
        rows = list_users(store)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row))
        else:
            password = "password set" if row["password"] else "no password"
            click.echo(f"{row['username']:<24} {row['role']:<10} {password}")


def _read_password(from_stdin: bool) -> str:
    import os
    import sys

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if os.environ.get("COTEJO_PASSWORD"):
        return os.environ["COTEJO_PASSWORD"]
    if not sys.stdin.isatty():
        raise click.UsageError(
            "no terminal to ask for the password: pass --password-stdin or set COTEJO_PASSWORD"
        )
    return click.prompt("new password", hide_input=True, confirmation_prompt=True)


@users.command("password")
@click.argument("name")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input (for scripts).",
)
@click.option(
    "--as",
    "actor",
    envvar="COTEJO_USER",
    default=None,
    help="Who acts: NAME themself (the default) or an admin.",
)
@click.pass_context
def users_password(ctx: click.Context, name: str, password_stdin: bool, actor: str | None) -> None:
    """Set the password user NAME signs in with (argon2id hash; ends their sessions).

    Asks for it twice on a terminal; scripts pass --password-stdin or set COTEJO_PASSWORD.
    Anyone who can run this command on the store can act as any user: the store's file
    permissions are what protects it.
    """
    from cotejo.review.accounts import set_password

    password = _read_password(password_stdin)
    with closing(_store(ctx)) as store:
        result = set_password(store, actor or name, name, password)
    ended = result["sessions_ended"]
    click.echo(f"password set for {name}" + (f"; {ended} session(s) ended" if ended else ""))


@users.command("token")
@click.argument("name")
@click.option("--label", default="", help="What the token is for (shown in lists).")
@click.option(
    "--days",
    type=click.IntRange(1, 3650),
    default=None,
    help="Expire after N days (default: never).",
)
@click.option("--revoke", "revoke", type=int, default=None, help="Revoke token ID instead.")
@click.option(
    "--as",
    "actor",
    envvar="COTEJO_USER",
    default=None,
    help="Who acts: NAME themself (the default) or an admin.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def users_token(
    ctx: click.Context,
    name: str,
    label: str,
    days: int | None,
    revoke: int | None,
    actor: str | None,
    as_json: bool,
) -> None:
    """Make an API token for user NAME (printed once; only its hash is kept), or --revoke ID.

    Scripts send it as `Authorization: Bearer TOKEN`; it acts with NAME's current role.
    """
    from cotejo.review.accounts import create_token, revoke_token

    with closing(_store(ctx)) as store:
        if revoke is not None:
            result = revoke_token(store, actor or name, revoke)
            _emit(result, as_json, f"token {result['id']} ({result['prefix']}…) revoked")
            return
        result = create_token(store, actor or name, name, label, days)
    if as_json:
        click.echo(json.dumps(result))
        return
    click.echo(result["token"])
    click.echo(
        f"token {result['id']} for {name} ({result['label']}"
        + (f", expires {result['expires_at']}" if result["expires_at"] else "")
        + "): copy it now, it is not shown again",
        err=True,
    )


@users.command("tokens")
@click.argument("name", required=False)
@click.option(
    "--as",
    "actor",
    envvar="COTEJO_USER",
    default=None,
    help="Who acts: NAME themself (the default) or an admin (needed without NAME).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one token each.")
@click.pass_context
def users_tokens(ctx: click.Context, name: str | None, actor: str | None, as_json: bool) -> None:
    """List the API tokens of user NAME (every user's without NAME; admin). Never the secrets."""
    from cotejo.review.accounts import list_tokens

    with closing(_store(ctx)) as store:
        rows = list_tokens(store, actor or name, name)
    for row in rows:
        if as_json:
            click.echo(json.dumps(row))
        else:
            state = "revoked" if row["revoked_at"] else f"expires {row['expires_at'] or 'never'}"
            click.echo(
                f"{row['id']:>4}  {row['user']:<16} {row['prefix']}…  {row['label']}  {state}"
            )
    if not rows and not as_json:
        click.echo("no tokens")


def register(cli: click.Group) -> None:
    for command in (assess, show, history, review, users):
        cli.add_command(command)
