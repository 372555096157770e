"""Quotation extraction and speaker attribution on real news sentences."""
from __future__ import annotations

import pytest

from detente.nlp.quotemarks import find_quotes
from helpers import parse


@pytest.fixture(scope="module")
def parser(plain_pipeline):
    """The quote component alone on spaCy's model: speakers are not linked to actors."""
    return plain_pipeline("detente_quotes")


@pytest.fixture(scope="module")
def linked(plain_pipeline):
    return plain_pipeline("detente_actors", "detente_quotes")


@pytest.fixture(scope="module")
def pipeline(build_pipeline):
    """Détente's own pipeline, which splits paragraphs before parsing."""
    return build_pipeline(stages=["actors", "quotes"])


def quotes(nlp, text):
    return parse(nlp, text, name="a.txt")._.quotes


def one(found, fragment):
    hits = [q for q in found if fragment in q.text]
    assert len(hits) == 1, [q.text for q in found]
    return hits[0]


def test_trailing_attribution_with_inverted_speaker(parser):
    text = ("While Ukraine is open to negotiations, officials made clear that this does not equate to surrender. "
            "“There will be no agreement that hands Russia the stronger foundations it needs to regroup,” "
            "said Deputy Prime Minister Yulia Svyrydenko.")
    q = one(quotes(parser, text), "no agreement")
    assert q.kind == "direct" and q.cue == "said"
    assert q.speaker_text.endswith("Yulia Svyrydenko")
    assert text[q.start - 1] == "“" and text[q.end] == "”"
    assert text[q.speaker_start:q.speaker_end] == q.speaker_text


def test_quoted_sentence_without_cue_continues_the_speaker(parser):
    text = ("“For Poland and our partners, it is clear: borders cannot be altered by force,” Tusk said. "
            "“Russia must not gain from its aggression against Ukraine.”")
    found = quotes(parser, text)
    first, second = one(found, "borders cannot"), one(found, "must not gain")
    assert second.kind == "direct" and second.speaker_text == first.speaker_text == "Tusk"


def test_paragraph_opening_mark_continues_a_quote(parser):
    text = ("“I will make you one promise: we will find who did this,” police Chief Ihor Vyhivskyi said Monday. "
            "“I want to assure our city that we will be open about the investigation.\n"
            "“We will find them, period.”")
    found = quotes(parser, text)
    run_on = one(found, "assure our city")
    assert run_on.speaker_text.endswith("Ihor Vyhivskyi")
    assert one(found, "find them, period").speaker_text.endswith("Ihor Vyhivskyi")


def test_comma_and_colon_introduced_quotes(parser):
    text = ("He explained, “When it comes to the entire issue of territory, that must be an actual recognition.” "
            "EU foreign policy chief Kaja Kallas echoed the sentiment, declaring, “Crimea is Ukraine.”")
    found = quotes(parser, text)
    explained = one(found, "entire issue")
    assert (explained.kind, explained.cue, explained.speaker_text) == ("direct", "explained", "He")
    crimea = one(found, "Crimea is Ukraine")
    assert crimea.kind == "direct" and crimea.speaker_text.endswith("Kaja Kallas")


def test_partial_quote_inside_reported_speech(parser):
    text = ("Rutte said Ukraine’s Western backers “can never accept that in a legal sense,” "
            "but he suggested that they might tacitly acknowledge Russian control.")
    found = quotes(parser, text)
    partial = one(found, "legal sense")
    assert partial.kind == "partial" and partial.speaker_text == "Rutte" and partial.cue == "said"
    indirect = one(found, "tacitly acknowledge")
    assert indirect.kind == "indirect" and indirect.speaker_text == "he" and indirect.cue == "suggested"


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("Tusk further stressed that European leaders were united in their stance on peace negotiations, "
     "insisting that Ukraine must be actively included in any talks.",
     "European leaders were united in their stance on peace negotiations", "stressed", "Tusk"),
    ("Tusk further stressed that European leaders were united in their stance on peace negotiations, "
     "insisting that Ukraine must be actively included in any talks.",
     "Ukraine must be actively included in any talks", "insisting", "Tusk"),
    ("Kremlin aide Yuri Ushakov confirmed Russia expects a follow-up summit in Moscow, while Trump plans to meet "
     "President Zelenskiy in Washington.", "Russia expects a follow-up summit in Moscow", "confirmed", "Kremlin aide Yuri Ushakov"),
    ("Ukraine would not recognise Russian control of Crimea, the foreign minister said on Tuesday.",
     "Ukraine would not recognise Russian control of Crimea", "said", "the foreign minister"),
    ("The German chancellor urged European governments to raise their defence spending without delay.",
     "to raise their defence spending without delay", "urged", "The German chancellor"),
    ("Two senators called on the trade secretary to suspend the tariffs on Canadian timber.",
     "to suspend the tariffs on Canadian timber", "called", "Two senators"),
    ("The ferries will run again in May, he forecast.",
     "The ferries will run again in May", "forecast", "he"),
    ("The mayor confided that the budget for the new bridge had already run out.",
     "the budget for the new bridge had already run out", "confided", "The mayor"),
])
def test_indirect_speech(parser, text, content, cue, speaker):
    q = one(quotes(parser, text), content)
    assert (q.kind, q.text, q.cue, q.speaker_text) == ("indirect", content, cue, speaker)


@pytest.mark.parametrize("text", [
    "The talks will resume in Geneva next week, according to a senior Ukrainian official.",
    "Over the coming weeks, according to a senior Ukrainian official, the talks will resume in Geneva.",
])
def test_according_to(parser, text):
    q = one(quotes(parser, text), "talks will resume")
    assert q.kind == "indirect" and q.cue == "according to" and q.speaker_text == "a senior Ukrainian official"


def test_scare_quotes_and_labels_are_not_quotations(parser):
    text = ("Poland’s Prime Minister Donald Tusk, as head of NATO’s largest ‘eastern flank’ country, expressed concern. "
            "Still, Russia will come away with a diplomatic win in the fact that ‘isolated’ Putin is given a summit. "
            "Russia would be required to abandon its war aim of \"demilitarizing\" Ukraine.")
    assert quotes(parser, text) == []


def test_quoted_titles_are_not_quotations(parser):
    text = ("Zelensky spoke on “Face the Nation” on Sunday. "
            "Before the war, he starred in the comedy series “Servant of the People: The Final Season.”")
    assert [q for q in quotes(parser, text) if q.kind != "indirect"] == []


def test_labels_inside_a_paraphrase_stay_in_the_indirect_quote(parser):
    text = "Kallas said any deal that excludes European involvement would be a “dirty\" one."
    found = quotes(parser, text)
    assert [q.kind for q in found] == ["indirect"]
    assert "dirty" in found[0].text


def test_mixed_straight_and_curly_marks(parser):
    text = "“This is a democratic alliance. You don’t always start with concurring positions,\" he added."
    q = one(quotes(parser, text), "democratic alliance")
    assert q.text.endswith("concurring positions,") and q.speaker_text == "he"


def test_odd_number_of_quotation_marks_costs_one_quote_only(parser):
    text = ("“The US has committed to consulting with its European partners,” Tusk told a press conference. "
            "Rutte downgraded his “no talks about Ukraine without Ukraine to a softer appeal.\n"
            "“This must not be Minsk 3.0,” Hegseth said. “Putin responds to strength.”\n"
            "Kallas said the EU could help Ukraine continue to resist Russia.")
    assert len(find_quotes(text)) == 3
    found = quotes(parser, text)
    assert one(found, "consulting with").speaker_text == "Tusk"
    assert one(found, "Minsk 3.0").speaker_text == "Hegseth"
    assert one(found, "responds to strength").speaker_text == "Hegseth"
    assert one(found, "help Ukraine continue").speaker_text == "Kallas"


def test_apostrophes_are_not_quotation_marks():
    text = "Ukraine’s allies’ doubts don’t matter, the ministers' aides said."
    assert find_quotes(text) == []


def test_the_apostrophe_of_an_elided_year_opens_no_quotation():
    text = "The mills closed in the '80s, Ana Ruiz said, and the farmers' union never recovered."
    assert find_quotes(text) == []


def test_without_actors_stage_speaker_is_left_empty(parser):
    q = one(quotes(parser, "“Appeasement will always fail,” Kallas said."), "Appeasement")
    assert q.speaker is None and q.speaker_text == "Kallas"


def test_pronoun_speaker_two_sentences_from_the_name(linked):
    text = ("EU foreign policy chief Kaja Kallas arrived in Brussels on Monday. "
            "The meeting of foreign ministers was delayed by an hour. "
            "“Appeasement will always fail,” she said.")
    q = one(quotes(linked, text), "Appeasement")
    assert q.speaker_text == "she" and q.speaker == "Kaja Kallas"


def test_anonymous_source_is_an_anonymous_actor(linked):
    text = "“Crimea and future NATO membership aspirations are red lines for us,” said one senior EU diplomat."
    q = one(quotes(linked, text), "red lines")
    assert q.speaker is not None and q.speaker.startswith("anonymous:") and "diplomat" in q.speaker


def test_inverted_speaker_when_the_parser_takes_a_quoted_word_for_the_subject(parser):
    text = ("\"If Iran doesn't have the means to threaten its neighbours with a bomb yet, it will at some "
            "point, probably sooner than anyone in Vienna expects,\" said Darya Dolzikova, a researcher at RUSI.")
    q = one(quotes(parser, text), "means to threaten")
    assert q.kind == "direct" and q.speaker_text.endswith("Darya Dolzikova")


def test_dash_attribution_after_a_no_break_space(parser):
    text = ("“I just hope that this war ends before my son is old enough to be drafted.” ―\u00a0Oksana Melnyk\n"
            "“Maybe we can build a wall around the Kremlin.” ―\u00a0Taras Bondar.\n")
    found = quotes(parser, text)
    assert one(found, "this war ends").speaker_text == "Oksana Melnyk"
    assert one(found, "build a wall").speaker_text == "Taras Bondar"


def test_a_quoted_label_given_by_a_naming_verb_is_the_speakers_word(parser):
    text = "Polish President Andrzej Duda on Monday described the pipeline deal as a “disgrace” to Europe."
    q = one(quotes(parser, text), "disgrace")
    assert q.kind == "partial" and q.speaker_text.endswith("Duda")


def test_naming_and_calling_for_without_quotation_marks(parser):
    found = quotes(parser, "Democrats on the panel called the contempt citation a transparent political ploy.")
    q = one(found, "political ploy")
    assert q.speaker_text.endswith("Democrats") and q.cue == "called" and q.text.startswith("the contempt")
    q = one(quotes(parser, "Senator Elizabeth Warren called for a criminal investigation of the bank's executives."),
            "criminal investigation")
    assert q.speaker_text.endswith("Warren") and q.cue == "called for"


def test_according_to_at_the_end_of_a_paragraph(parser):
    text = ("Zelensky and Zaluzhny are virtually level heading into a possible election, "
            "according to a new national poll.\n\nAmong likely voters, the race is closer still.")
    q = one(quotes(parser, text), "virtually level")
    assert q.speaker_text.endswith("poll") and q.cue == "according to"


def test_commitments_and_findings_are_reported_positions(parser):
    q = one(quotes(parser, "Senator Mitch McConnell vowed to block the nomination until after the election."),
            "block the nomination")
    assert q.kind == "indirect" and q.speaker_text.endswith("McConnell") and q.text.startswith("to block")
    q = one(quotes(parser, "A European Court of Auditors report found that the commission could not trace the money."),
            "could not trace")
    assert q.speaker_text.endswith("report")


def test_abstractions_and_empty_it_do_not_hold_views(parser):
    assert quotes(parser, "It is hard to imagine the hawks in Moscow accepting the terms proposed by Washington.") == []
    assert quotes(parser, "Mutual mistrust threatens to stall progress on a ceasefire.") == []


def test_doubled_single_marks_are_a_double_quotation_mark(parser):
    text = ("''This isn't a peace plan,'' said Fiona Hill, a former adviser. "
            "''It's a surrender plan. It's putting even more pressure on Kyiv.''")
    spans = find_quotes(text)
    assert [text[s.start:s.end] for s in spans] == ["This isn't a peace plan,", "It's a surrender plan. It's putting even more pressure on Kyiv."]
    assert [text[s.open_at:s.open_at + 2] for s in spans] == ["''", "''"]
    found = quotes(parser, text)
    assert one(found, "peace plan").speaker_text.endswith("Fiona Hill")
    assert one(found, "surrender plan").speaker_text.endswith("Fiona Hill")


def test_cue_clause_between_commas_inside_the_sentence(parser):
    q = one(quotes(parser, "Naftogaz was a juggernaut, Mr. Vitrenko said, until the war cut its exports in half."),
            "juggernaut")
    assert q.kind == "indirect" and q.speaker_text == "Mr. Vitrenko" and q.cue == "said"


def test_speaker_labels_in_transcripts_and_headlines(parser):
    text = ("BRENNAN: Will President Zelensky be at the summit tomorrow night?\n\n"
            "SIKORSKI: President Zelensky will not be attending the summit tomorrow night.\n")
    found = quotes(parser, text)
    assert one(found, "be at the summit").speaker_text == "BRENNAN"
    assert one(found, "not be attending").speaker_text == "SIKORSKI"
    q = one(quotes(parser, "Kaja Kallas: Europe needs to get away from all of this wishful thinking.\n"), "Europe needs")
    assert q.speaker_text == "Kaja Kallas" and q.cue == ":"


def test_dash_attribution_with_a_middle_initial(parser):
    text = ("“The most dangerous deal ever offered to Ukraine.” ― Mykola Herasymenko\n"
            "“He has woken a whole generation from its slumber, and together we are united against the invader!”"
            " ―\u00a0Olha V. Tkachenko Shevchuk.\n")
    found = quotes(parser, text)
    assert one(found, "dangerous deal").speaker_text == "Mykola Herasymenko"
    assert one(found, "whole generation").speaker_text == "Olha V. Tkachenko Shevchuk"


def test_according_to_introducing_a_quotation(parser):
    text = ("“She wants to talk about the things she wants to achieve,” her spokesman said.\n\n"
            "According to Orbán, “If it was left up to Brussels, nobody would have time to say anything about peace.”")
    q = one(quotes(parser, text), "left up to Brussels")
    assert (q.kind, q.cue, q.speaker_text) == ("direct", "According to", "Orbán")


def test_according_to_holds_the_quotation_nested_in_it(parser):
    text = ("According to Reuters, Zelensky spokesman Serhiy Nykyforov said Friday that if the talks "
            "resumed in June, “he would sign this agreement if it came to his desk.”")
    found = quotes(parser, text)
    outer = [q for q in found if q.cue == "According to"]
    assert len(outer) == 1 and outer[0].speaker_text == "Reuters" and "Nykyforov said" in outer[0].text
    inner = [q for q in found if q.text.startswith("he would sign")]
    assert len(inner) == 1 and inner[0].speaker_text.endswith("Serhiy Nykyforov")


def test_speech_verb_before_the_name_introduces_a_quote(parser):
    text = ("Critics say the plan would reward Moscow. "
            "Said Ellis: “Nobody in that room seems the least bit interested in what Kyiv wants.”")
    q = one(quotes(parser, text), "Kyiv wants")
    assert (q.kind, q.cue, q.speaker_text) == ("direct", "Said", "Ellis")


def test_two_word_question_with_a_trailing_cue(parser):
    text = "The crowd cheered as the results came in. “You winning?” she said, but he was already gone."
    q = one(quotes(parser, text), "You winning")
    assert (q.kind, q.cue, q.speaker_text) == ("direct", "said", "she")


def test_introducing_cue_outweighs_a_trailing_participle(parser):
    text = ("Stubb said the leaders will still meet for dinner and speeches, but said, "
            "“It’s time we changed the way this club works,” promising the group will return to its roots.")
    q = one(quotes(parser, text), "time we changed")
    assert q.speaker_text == "Stubb"


@pytest.mark.parametrize("lead, cue, speaker", [
    ("In a televised address, Putin declared:", "declared", "Putin"),
    ("When the talks collapsed, the Ukrainian foreign ministry released the following statement:",
     "released", "the Ukrainian foreign ministry"),
])
def test_colon_closing_a_paragraph_introduces_the_next(pipeline, lead, cue, speaker):
    text = (f"The Kremlin published the summary late on Tuesday. {lead}\n\n"
            "“Russia will not give up the territories it has taken. Any settlement has to start from that.”")
    q = one(quotes(pipeline, text), "will not give up")
    assert q.kind == "direct" and q.cue == cue and q.speaker_text == speaker


@pytest.mark.parametrize("cue", ["continued", "went on", "posted", "demanded"])
def test_carrying_on_is_a_cue(parser, cue):
    text = ("Zelensky spoke to reporters in Kyiv. "
            f"“The first loser of such a deal would be Europe,” he {cue}. “Nobody should doubt that.”")
    q = one(quotes(parser, text), "first loser")
    assert q.cue == cue and q.speaker_text == "he"


@pytest.mark.parametrize("cue", ["the letter reads", "reads a Monday editorial in Gazeta Wyborcza"])
def test_a_text_that_reads_is_a_source(parser, cue):
    text = ("Polish farmers wrote to the prime minister on Monday.\n\n"
            f"“Ukrainian grain is welcome in transit, but not on our market,” {cue}.")
    q = one(quotes(parser, text), "Ukrainian grain")
    assert q.cue == "reads" and ("letter" in q.speaker_text or "editorial" in q.speaker_text)


def test_a_dash_glued_to_the_closing_mark_names_the_source(pipeline):
    text = ("We asked readers in Kharkiv what they thought of the talks.\n\n"
            "“Nobody asked us whether we want to live under Russia.”― Olena Kovalenko\n"
            "“A ceasefire without guarantees is only a pause before the next war.” ― Andriy Melnyk\n"
            "“We will rebuild, but not under occupation.”― Iryna Shevchenko.")
    found = quotes(pipeline, text)
    assert one(found, "Nobody asked").speaker_text == "Olena Kovalenko"
    assert one(found, "only a pause").speaker_text == "Andriy Melnyk"
    assert one(found, "rebuild").speaker_text == "Iryna Shevchenko"


def test_a_relative_pronoun_speaker_is_its_antecedent(linked):
    text = "The sanctions package was blocked by Viktor Orbán, who said it would “hurt Europe more than Russia.”"
    q = one(quotes(linked, text), "hurt Europe")
    assert q.speaker_text == "Viktor Orbán" and q.speaker == "Viktor Orbán"


@pytest.mark.parametrize("text, fragment, cue, speaker", [
    pytest.param("Kallas spoke after the meeting in Brussels.\n\n"
                 "Continued Kallas: “We cannot reward aggression. Borders are not changed by force.”",
                 "reward aggression", "Continued", "Kallas", id="verb first before a colon"),
    pytest.param("“That is a fair worry, since the allies are very divided on this,” "
                 "Stubb, 57, told CNN on Monday when asked about the summit.",
                 "fair worry", "told", "Stubb", id="the subject, not the object, of a trailing cue"),
    pytest.param("At the rally, Kallas was joined on stage again by Finnish President Alexander Stubb and joked, "
                 "“Sceptics of the coalition, you are being absurd,” drawing loud boos.",
                 "Sceptics", "joked", "Kallas", id="an introducing cue's speaker is never inside the quote"),
    pytest.param("“Twitter works as a way to spread propaganda, and it works as a way to recruit fighters,” "
                 "Jens Stoltenberg, the former Norwegian prime minister who led the North Atlantic Treaty "
                 "Organization for a full decade, said on Monday.",
                 "spread propaganda", "said", "Jens Stoltenberg", id="a long speaker phrase with a relative clause"),
    pytest.param("She said she speaks about the war more often because “you talk about what is in front of you,” "
                 "though she noted that sanctions must stay.",
                 "you talk about", "said", "She", id="a trailing clause after though is another statement"),
    pytest.param("The city's prosecutor is investigating the shooting.\n"
                 "“I will make this promise to you: we will find who did this,” Tulsa police Chief "
                 "Wendell Franklin said Monday.",
                 "find who did this", "said", "Chief Wendell Franklin",
                 id="a capitalised name the tagger takes for a verb"),
    pytest.param("After the summit, Stubb said he is sure Kallas will continue to be "
                 "“the loudest voice for Ukraine in every room in Brussels.”",
                 "loudest voice", "said", "Stubb", id="continue with a complement is no cue"),
    pytest.param("Kallas said she hoped the summit would send a message that “Europe will not be bargained over "
                 "by others.”", "bargained over", "said", "Kallas", id="a speech noun nested in reported speech"),
    pytest.param("Speaking in Warsaw, Tusk said that Orbán had once described the pipeline deal as "
                 "“the best bargain Europe ever made with Moscow.”",
                 "best bargain", "said", "Tusk", id="nested reported speech belongs to the outer reporter"),
])
def test_cue_and_speaker(parser, text, fragment, cue, speaker):
    q = one(quotes(parser, text), fragment)
    assert q.cue == cue and q.speaker_text == speaker


def test_a_quote_resumed_after_but_is_the_same_speakers(parser):
    text = ("Kallas spoke about her critics. “You know, I respect Viktor,” she said, but “when it comes to sanctions, "
            "Hungary has a long history of blocking the rest of Europe.”")
    q = one(quotes(parser, text), "Hungary has")
    assert q.kind == "direct" and q.speaker_text == "she" and q.cue == "said"


def test_a_sentence_split_by_its_cue_is_one_direct_quote(parser):
    text = ("Kallas spoke after the meeting.\n\n"
            "“Those who want a quick deal,” Kallas added, “have focused on what Moscow demands, not on what Kyiv needs.”")
    found = quotes(parser, text)
    first, second = one(found, "quick deal"), one(found, "Kyiv needs")
    assert first.kind == second.kind == "direct" and first.cue_start == second.cue_start
    assert second.speaker_text == "Kallas"


@pytest.mark.parametrize("gap", ["\u00a0", "\n\n\u202a"], ids=["no-break space", "direction mark"])
def test_invisible_characters_before_a_quotation_mark(parser, gap):
    text = ("“We will not trade land for peace,” Zelensky said on Tuesday." + gap +
            "“Ukraine’s borders are not for sale, and nobody will decide them for us.”")
    q = one(quotes(parser, text), "not for sale")
    assert q.kind == "direct" and q.speaker_text == "Zelensky"


def test_a_free_relative_never_speaks(parser):
    text = ("Kallas has since apologised for what happened: “I should have called Kyiv first. "
            "It was a mistake, and it is mine alone.”")
    q = one(quotes(parser, text), "called Kyiv first")
    assert q.speaker_text != "what"


def test_a_quoted_clause_under_a_persons_deed_is_theirs(parser):
    text = "At the rally in Michigan, Donald Trump opened his speech with “a deal that ends this war in a single day.”"
    q = one(quotes(parser, text), "ends this war")
    assert q.kind == "partial" and q.speaker_text == "Donald Trump" and q.cue == "opened"


def test_a_quote_and_its_cue_attributed_with_according_to(parser):
    text = "“Ukraine will not give up Crimea,” Zelensky said, according to a Reuters account."
    found = quotes(parser, text)
    assert {(q.kind, q.speaker_text) for q in found} == {("direct", "Zelensky"), ("indirect", "a Reuters account")}


@pytest.mark.parametrize("text, content", [
    ("He spoke in Vilnius.\n\n\"I have always been insulted by the term 'frozen conflict,' \" he said.",
     "I have always been insulted by the term 'frozen conflict,'"),
    ("The column ended:\n\n” … she answered every charge with a calm her rivals in Kyiv might have envied,” "
     "Kovalenko wrote.", "… she answered every charge with a calm her rivals in Kyiv might have envied,"),
], ids=["closing mark set off by a space", "paragraph opening with a closing glyph and a space"])
def test_marks_set_off_by_spaces(text, content):
    assert [text[q.start:q.end].strip() for q in find_quotes(text)] == [content]


def test_a_question_is_not_attributed_to_the_next_sentences_speaker(parser):
    text = ("“The ferry runs again in May,” said harbour master Ines Kallio. “Will the tourists come back? "
            "Will the shops open?” Earlier this week, the town council said it would cut the port fees.")
    question = one(quotes(parser, text), "tourists come back")
    assert question.speaker_text != "the town council"


@pytest.mark.parametrize("text", [
    "The prime minister pushes to reopen the border crossing before the harvest.",
    "The witness asked to remain anonymous for the safety of her family.",
])
def test_a_directive_verb_without_an_addressee_reports_no_speech(parser, text):
    assert not [q for q in quotes(parser, text) if q.kind == "indirect"]


def test_a_call_on_someone_to_act_is_reported_speech(parser):
    q = one(quotes(parser, "The senator called on fellow farmers to boycott the new seed law."), "boycott")
    assert q.kind == "indirect" and q.text == "to boycott the new seed law"



@pytest.mark.parametrize("text, content", [
    ("The fishermen say, the new quotas will ruin the villages on the coast.",
     "the new quotas will ruin the villages on the coast"),
    ("She also argues, money from the new port does not reach the families of the valley.",
     "money from the new port does not reach the families of the valley"),
])
def test_a_cue_clause_opening_the_sentence_with_a_comma_reports_the_rest(parser, text, content):
    q = one(quotes(parser, text), content)
    assert q.kind == "indirect" and q.text == content


def test_a_reported_clause_the_parser_split_into_object_and_predicate_is_one_content(parser):
    text = "The farmer, aware that prices will fall, cautioned the planned tax should not add any cost to the harvest."
    q = one(quotes(parser, text), "planned tax")
    assert q.kind == "indirect" and q.text == "the planned tax should not add any cost to the harvest"


def test_a_name_inside_a_quotation_left_open_does_not_take_the_next_quote(pipeline):
    text = ("“The port will be rebuilt,” said engineer Lena Vogt. “Minister Arturo Pellegrini promised us the cranes "
            "in March. “The rest is up to the weather,” she added.")
    found = quotes(pipeline, text)
    assert one(found, "promised us the cranes").speaker == "Lena Vogt"
    assert one(found, "up to the weather").speaker == "Lena Vogt"


@pytest.mark.parametrize("text, content", [
    ("The village elder hopes that the new dam will bring water to the valley.",
     "the new dam will bring water to the valley"),
    ("Mayor Ilse Brandt was hoping the ferry would run again before the winter.",
     "the ferry would run again before the winter"),
], ids=["hopes", "hoping"])
def test_a_cue_verb_the_lemmatiser_misreads_still_reports(parser, text, content):
    q = one(quotes(parser, text), content)
    assert q.kind == "indirect" and q.text == content and q.cue.startswith("hop")
