"""`detente evaluate`: run on articles with gold annotations and score the run."""
from __future__ import annotations

from pathlib import Path

import click

from detente import runner
from detente.cli.common import SHARED, config_option, console, friendly_errors, load_config
from detente.evaluation import scorer


@click.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--gold", "gold_dir", default=str(SHARED / "gold"), show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder of *.quotes/stances/actors.jsonl gold files.")
@click.option("--scorer", "scorer_path", default=str(SHARED / "tools" / "score.py"), show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The project's score.py.")
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the run that is scored.")
@config_option
@click.option("--issues", help="Issue taxonomy: a shipped name or a YAML file.")
@friendly_errors
def evaluate(articles, gold_dir, scorer_path, out_dir, config_path, issues):
    """Analyse ARTICLES and score actors, quotes and stances against gold annotations.

    Example: detente evaluate ../shared/corpus/seeds -o /tmp/eval
    """
    scorer.check(gold_dir, scorer_path)
    runner.run(articles, out_dir, load_config(config_path).replace(stances_issues=issues), quiet=True)
    for result in scorer.score(gold_dir, out_dir, scorer_path):
        console.print(f"[bold]{result.task}[/bold]\n{result.report}\n", highlight=False)
