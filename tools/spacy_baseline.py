#!/usr/bin/env python3
"""The spaCy + textacy baseline for `make bench`: sentence split, entities and direct quotations
(textacy.extract.triples.direct_quotations) for every .txt file under a folder; prints counts and seconds.

    spacy_baseline.py FOLDER [--processes N]

It loads en_core_web_sm. Where that model cannot be downloaded (no access to GitHub or Hugging Face),
it builds the same pipeline from spaCy's own English "efficiency" configuration — the configuration
en_core_web_sm is trained from (tok2vec width 96, depth 4; tagger, parser, NER with the model's label
sets) — with random weights. That measures speed only: the work per token is the same, the answers are
meaningless. The output says which of the two ran.
"""
import pathlib
import sys
import time

import numpy
import spacy
import textacy.extract

TAGS = ("$ '' , -LRB- -RRB- . : ADD AFX CC CD DT EX FW HYPH IN JJ JJR JJS LS MD NFP NN NNP NNPS NNS PDT POS PRP PRP$ "
        "RB RBR RBS RP SYM TO UH VB VBD VBG VBN VBP VBZ WDT WP WP$ WRB XX _SP ``").split()
DEPS = ("ROOT acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj csubj csubjpass dative "
        "dep det dobj expl intj mark meta neg nmod npadvmod nsubj nsubjpass nummod oprd parataxis pcomp pobj poss preconj "
        "predet prep prt punct quantmod relcl xcomp").split()
ENTS = ("CARDINAL DATE EVENT FAC GPE LANGUAGE LAW LOC MONEY NORP ORDINAL ORG PERCENT PERSON PRODUCT QUANTITY TIME "
        "WORK_OF_ART").split()


def same_architecture():
    """en_core_web_sm's pipeline built from spaCy's English efficiency config, with random weights."""
    from spacy.cli.init_config import init_config
    config = init_config(lang="en", pipeline=["tok2vec", "tagger", "parser", "ner"], optimize="efficiency")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    for label in TAGS:
        nlp.get_pipe("tagger").add_label(label)
    for label in DEPS:
        nlp.get_pipe("parser").add_label(label)
    for label in ENTS:
        nlp.get_pipe("ner").add_label(label)
    nlp.initialize()
    rng = numpy.random.default_rng(1)
    for _, pipe in nlp.pipeline:
        for node in pipe.model.walk():
            for name in node.param_names:
                if node.has_param(name):
                    p = node.get_param(name)
                    node.set_param(name, rng.normal(0, 0.2, p.shape).astype(p.dtype))
    return nlp


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    processes = int(sys.argv[sys.argv.index("--processes") + 1]) if "--processes" in sys.argv else 1
    if "--processes" in sys.argv:
        args.remove(str(processes))
    try:
        nlp, which = spacy.load("en_core_web_sm"), "en_core_web_sm"
    except OSError:
        nlp, which = same_architecture(), "en_core_web_sm architecture (efficiency config, random weights; speed only)"
    paths = sorted(pathlib.Path(args[0]).rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    quotes = entities = gave_up = 0
    for doc in nlp.pipe(texts, batch_size=32, n_process=processes):
        entities += len(doc.ents)
        try:
            quotes += sum(1 for _ in textacy.extract.triples.direct_quotations(doc))
        except ValueError:  # textacy gives up on a document with unbalanced quotation marks
            gave_up += 1
    seconds = time.perf_counter() - start
    print(f"{which}: {len(paths)} articles, {words} words, {entities} entities, {quotes} quotations ({gave_up} articles given up), "
          f"{seconds:.1f} s on {processes} process(es), {len(paths) / seconds:.1f} articles/s")


if __name__ == "__main__":
    main()
