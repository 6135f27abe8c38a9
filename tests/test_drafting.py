"""Drafting layers: pre-editing, clean-up, and their place in the engine stack."""

from __future__ import annotations

import pytest
from conftest import needs_apertium

from toolkit import drafting
from toolkit.drafting.cleanup import clean
from toolkit.drafting.postedit import postedit
from toolkit.drafting.preedit import preedit
from toolkit.errors import EngineError
from toolkit.langs import Lang
from toolkit.stack import build

FR, EN, ES = Lang.parse("fr"), Lang.parse("en"), Lang.parse("es")


@pytest.mark.parametrize("raw, edited", [
    ("la mise en œuvre du vœu", "la mise en oeuvre du voeu"),
    ("A travers la ville", "À travers la ville"),
    ("Œuvre de Mme Cœurdevey", "Oeuvre de Mme Cœurdevey"),
    ("Bilan. A partir de lundi", "Bilan. À partir de lundi"),
    ("la catégorie A ou B", "la catégorie A ou B"),  # not a sentence start
    ("Etant donné que les Etats", "Étant donné que les États"),
    ("Ensuite, Etre", "Ensuite, Être"),
    ("Elle est venue", "Elle est venue"),  # Elle is a word as written
    ("il s’est déroulé", "il s'est déroulé"),
    ("le Dr. Omar", "le Dr Omar"),
    ("68,5\u00a0%  des", "68,5 % des"),
    # a sentence opening on the indefinite "Des", which English and Spanish leave out
    ("Des contrôles plus rapides", "Contrôles plus rapides"),
    ("Fin. « Des milliers de migrants", "Fin. « Milliers de migrants"),
    ("Des deux côtés", "Des deux côtés"),  # de + les: "on both sides"
    ("la liste des pays", "la liste des pays"),  # not at a sentence start
    # "à" + place where something is means "in"; after a verb of motion it stays "to"
    ("les centres de l'OIM à Agadez et à Niamey", "les centres de l'OIM dans Agadez et dans Niamey"),
    ("basés à Genève, à Rome et à Dakar", "basés dans Genève, dans Rome et dans Dakar"),
    ("Ils sont rentrés à Niamey", "Ils sont rentrés à Niamey"),
    ("le bureau à Mme Diallo", "le bureau à Mme Diallo"),  # a person, not a place
    ("le centre à proximité", "le centre à proximité"),
    ("trois postes au Sahel", "trois postes dans le Sahel"),  # au + a place: in
    ("cheffe de mission au Sénégal", "cheffe de mission en Sénégal"),
    ("Ils sont rentrés au Mali", "Ils sont rentrés au Mali"),  # motion: to
    ("l'aide au Tchad", "l'aide au Tchad"),
    ("a déclaré au Conseil de sécurité", "a déclaré au Conseil de sécurité"),  # not a place
    # the inverted subject of a reported-speech incise goes before its verb
    ("« Prêts », a-t-elle déclaré.", "« Prêts », elle a déclaré."),
    ("« Prêts », ont-ils souligné, « enfin ».", "« Prêts », ils ont souligné, « enfin »."),
    ("« Prêts », confie-t-il.", "« Prêts », il confie."),
    ("Pourrait-elle venir ?", "Pourrait-elle venir ?"),  # a question, not an incise
    ("Il est peut-être prêt", "Il est peut-être prêt"),
    # cela ne/n' reads as the verb celer; ça is the same word
    ("Cela ne veut pas dire", "Ça ne veut pas dire"),
])
def test_preedit(raw, edited):
    assert preedit(raw) == edited


@pytest.mark.parametrize("raw, lang, cleaned", [
    ("has developed  the operation", "en", "has developed the operation"),
    (" Jointing to this", "en", "Jointing to this"),
    ("“Yes”, said Mr X", "en", "“Yes,” said Mr X"),
    ("«Sí», declaró", "es", "«Sí», declaró"),
    ("places *ciblés , then", "en", "places ciblés, then"),
    ("in the the region", "en", "in the region"),
    ("( IOM )", "en", "(IOM)"),
    # a space before the full stop, also when a closing quote follows it
    ("“IOM engages .”", "en", "“IOM engages.”"),
    ("«La OIM se compromete .»", "es", "«La OIM se compromete.»"),
    # French keeps its own spaces
    ("« L'OIM s'engage » : oui ; non !", "fr", "« L'OIM s'engage » : oui ; non !"),
    ("( OIM ) , bien .", "fr", "(OIM), bien."),
])
def test_clean(raw, lang, cleaned):
    assert clean(raw, lang) == cleaned


@pytest.mark.parametrize("raw, source, cleaned", [
    ("nous ne sommes pas allés loin.", "We have not gone far.", "Nous ne sommes pas allés loin."),
    ("« nous devons agir »", "“We must act”", "« Nous devons agir »"),
    ("iPhone est là", "iPhone is there", "iPhone est là"),
    ("le texte", "le texte", "le texte"),
])
def test_clean_gives_the_first_word_the_source_capital(raw, source, cleaned):
    assert clean(raw, "fr", source) == cleaned


def test_clean_keeps_marks_written_in_the_source():
    assert clean("see #OIM today", "en", "voir #OIM") == "see #OIM today"


def test_unknown_layer_is_an_error():
    with pytest.raises(EngineError, match="drafting layer"):
        build("apertium", glossary=False, layers=["nonsense"])


@needs_apertium
def test_preedit_reaches_the_engine():
    plain = build("apertium", glossary=False, layers=())
    edited = build("apertium", glossary=False, layers=["preedit"])
    text = "A travers la mise en œuvre du projet, les Etats ont agi."
    before = plain.translate_batch([text], FR, ES)[0].text
    after = edited.translate_batch([text], FR, ES)[0].text
    assert "travers" in before and "œuvre" in before
    assert "travers" not in after and "œuvre" not in after and "Estados" in after


@needs_apertium
def test_protected_names_keep_their_spelling_through_preedit():
    engine = build("apertium", glossary=False, layers=drafting.DEFAULT)
    out = engine.translate_batch(["Selon Mme Anne Cœurdevey, les Etats agissent."], FR, EN)[0].text
    assert "Anne Cœurdevey" in out and "States" in out


@pytest.mark.parametrize("raw, lang, edited", [
    # an adverb goes before the participle or the verb it qualifies
    ("It has touched already 86 agents", "en", "It has already touched 86 agents"),
    ("is deployed already in 20 countries", "en", "is already deployed in 20 countries"),
    ("It has been already published", "en", "It has already been published"),
    ("will be able to now record", "en", "will now be able to record"),
    ("the queue exceeded often four hours", "en", "the queue often exceeded four hours"),
    ("the tool they used often.", "en", "the tool they used often."),
    ("it has been a year already since", "en", "it has been a year already since"),
    ("was closed already before", "en", "was closed already before"),
    # bien + participle
    ("A very managed border", "en", "A well-managed border"),
    ("a very interesting report", "en", "a very interesting report"),
    # plural after a number of a noun the French does not inflect
    ("in more than 20 country", "en", "in more than 20 countries"),
    ("three month and two time", "en", "three months and two times"),
    ("1,250 case", "en", "1,250 cases"),
    ("one country, 1 country, for some time", "en", "one country, 1 country, for some time"),
    ("country-level data for 20 country-wide", "en", "country-level data for 20 country-wide"),
    ("más de 20 país y tres mes", "es", "más de 20 países y tres meses"),
    ("un país", "es", "un país"),
    ("has touched already", "es", "has touched already"),  # English rules stay English
    # a noun English treats as a mass takes no indefinite article
    ("IOM gives a psychosocial support to migrants.", "en",
     "IOM gives psychosocial support to migrants."),
    ("A technical assistance was provided", "en", "Technical assistance was provided"),
    ("an information session and a support group", "en",
     "an information session and a support group"),
    ("a great deal of support, a lot of assistance.", "en",
     "a great deal of support, a lot of assistance."),
    ("un apoyo psicosocial", "es", "un apoyo psicosocial"),
    # ... nor the plural French gives it
    ("to make tangible progresses, the progresses made", "en",
     "to make tangible progress, the progress made"),
    ("Informations and equipments", "en", "Information and equipment"),
    ("The work progresses well; IOM researches it", "en",
     "The work progresses well; IOM researches it"),
    # a comparative the French put after its noun goes before it
    ("Controls faster and safer", "en", "Faster and safer controls"),
    ("He spoke. Borders safer for migrants.", "en", "He spoke. Safer borders for migrants."),
    ("a need for tools more effective.", "en", "a need for more effective tools."),
    ("It makes controls faster.", "en", "It makes controls faster."),
    ("Controls faster than before.", "en", "Controls faster than before."),
    ("Others more vulnerable.", "en", "Others more vulnerable."),
    # a Spanish title takes the article French does without
    ("«Listos», declaró Sra. Diallo.", "es", "«Listos», declaró la Sra. Diallo."),
    ("Sra. Diallo declaró", "es", "La Sra. Diallo declaró"),
    ("la visita de Sr. Ba y a Dra. López", "es", "la visita del Sr. Ba y a la Dra. López"),
    ("S.E. Sr. Touray y el Sr. Ba; estimado Sr. Ba", "es",
     "S.E. el Sr. Touray y el Sr. Ba; estimado Sr. Ba"),
    # names whose Spanish article is their own: plural names, África without one
    ("Embajadora de la Estados Unidos", "es", "Embajadora de los Estados Unidos"),
    ("La Estados Unidos y al Países Bajos", "es", "Los Estados Unidos y a los Países Bajos"),
    ("los Estados Unidos; del Estados Unidos", "es", "los Estados Unidos; de los Estados Unidos"),
    ("para la África Occidental; La África Central", "es",
     "para África Occidental; África Central"),
    ("de la África Occidental; el África; la Áfricana", "es",
     "de África Occidental; el África; la Áfricana"),
    # "a" before a name that is the object of felicitar, agradecer, instar...
    ("Deseo felicitar la CEDEAO y agradecer el Gobierno", "es",
     "Deseo felicitar a la CEDEAO y agradecer al Gobierno"),
    ("instó los Estados miembros; felicitó a la OIM; agradece la ayuda", "es",
     "instó a los Estados miembros; felicitó a la OIM; agradece la ayuda"),
    ("instaló la Oficina; instruye el Comité", "es", "instaló la Oficina; instruye el Comité"),
    ("said Sr. Ba", "en", "said Sr. Ba"),
    # a list of names says its preposition once
    ("migrants of Guinea, of Mali and of the Côte d'Ivoire", "en",
     "migrants of Guinea, Mali and Côte d'Ivoire"),
    ("from Mali and from the Niger", "en", "from Mali and the Niger"),
    # ... when the engine wrote "of" for one "de" and "from" for another, and the first name too
    ("Migrants from Guinea, of Mali and of Côte d'Ivoire", "en",
     "Migrants from Guinea, Mali and Côte d'Ivoire"),
    ("experts of the Burkina Faso, from Guinea and of the Niger", "en",
     "experts of Burkina Faso, Guinea and the Niger"),
    ("flights from Dakar and to Bamako", "en", "flights from Dakar and to Bamako"),
    ("the Secretariat of the ACP and of the EU", "en", "the Secretariat of the ACP and the EU"),
    ("of the workers and of the employers", "en", "of the workers and of the employers"),
    ("in Agadez and in Niamey", "en", "in Agadez and in Niamey"),
    # an organisation's acronym goes first
    ("The transit centres of IOM in Agadez", "en", "IOM's transit centres in Agadez"),
    ("with the support of IOM.", "en", "with IOM's support."),
    ("the head of the office of IOM", "en", "the head of the office of IOM"),
    ("a member of IOM, the spread of COVID", "en", "a member of IOM, the spread of COVID"),
    # an office, a post or a meeting is named by its town first; a country keeps "of"
    ("head of the post of Makalondi.", "en", "head of the Makalondi post."),
    ("The workshop of Dakar, regional office of Dakar", "en",
     "The Dakar workshop, Dakar regional office"),
    ("the office of Niger, the city of Bangui", "en", "the office of Niger, the city of Bangui"),
    ("the office of Dakar Port, the centre of Mali", "en",
     "the office of Dakar Port, the centre of Mali"),
    # the subject the pivot adds after a colon takes the capital it left on the verb
    ("She said: “we Are ready.”", "en", "She said: “We are ready.”"),
    ("It has said: we Have to act.", "en", "It has said: We have to act."),
    ("She said: we met Paris officials.", "en", "She said: we met Paris officials."),
    # the pivot's words for également, alors que and ensuite
    ("It confirmed equally the plan, whereas the funds lack; afterwards it left.", "en",
     "It confirmed also the plan, while the funds lack; then it left."),
    ("It is equally important.", "en", "It is equally important."),
])
def test_postedit(raw, lang, edited):
    assert postedit(raw, lang) == edited


@needs_apertium
def test_postedit_and_preedit_in_the_stack():
    engine = build("apertium")
    en = engine.translate_batch([
        "Des contrôles plus rapides et plus sûrs.",
        "Le logiciel est déjà déployé dans plus de 20 pays.",
        "Ils ont été hébergés dans les centres de transit de l'OIM à Agadez et à Niamey.",
    ], FR, EN)
    assert en[0].text.startswith("Faster and safer controls") and "Of the" not in en[0].text
    assert "already deployed in more than 20 countries" in en[1].text
    assert "in Agadez and in Niamey" in en[2].text and "to Agadez" not in en[2].text
    es = engine.translate_batch(["Le logiciel est déployé dans plus de 20 pays.",
                                 "Le bureau de l'OIM à Dakar est ouvert."], FR, ES)
    assert "20 países" in es[0].text
    assert "en Dakar" in es[1].text and "oficina" in es[1].text


@needs_apertium
def test_mass_nouns_and_spanish_titles_through_the_engine():
    engine = build("apertium")
    en = engine.translate_batch(["L'OIM apporte un soutien psychosocial aux migrants.",
                                 "Un centre de transit a été ouvert."], FR, EN)
    assert "psychosocial support" in en[0].text and "a psychosocial" not in en[0].text
    assert en[1].text.startswith("A transit")  # a count noun keeps its article
    es = engine.translate_batch(["« Nous sommes prêts », a déclaré Mme Diallo.",
                                 "La visite de M. Ba a été utile."], FR, ES)
    assert "declaró la Sra. Diallo" in es[0].text
    assert "del Sr. Ba" in es[1].text
    en = engine.translate_batch(["Des migrants de Guinée et de la Côte d'Ivoire."], FR, EN)
    assert "of Guinea and Côte d'Ivoire" in en[0].text
    en = engine.translate_batch(["Ils sont hébergés dans les centres de transit de l'OIM."], FR, EN)
    assert "IOM's transit centres" in en[0].text


@needs_apertium
def test_spanish_names_with_their_own_article_through_the_engine():
    es = build("apertium").translate_batch(
        ["Mme Cindy Dyer, Ambassadrice itinérante des États-Unis chargée de contrôler la traite.",
         "Le bureau régional pour l'Afrique de l'Ouest et du Centre est ouvert."], FR, ES)
    assert "de los Estados Unidos" in es[0].text and "la Estados" not in es[0].text
    assert "para África Occidental" in es[1].text


@needs_apertium
def test_reported_speech_incise_through_the_engine():
    engine = build("apertium")
    out = engine.translate_batch(["« Nous sommes prêts », a-t-elle déclaré."], FR, EN)[0]
    assert out.text == "“We are ready,” she said." and not out.unknown
    out = engine.translate_batch(["Elle a déclaré : « Nous sommes prêts. »"], FR, EN)[0]
    assert "“We are ready" in out.text
    out = engine.translate_batch(["« Le plan est prêt », a-t-il ajouté."], FR, ES)[0]
    assert "añadió" in out.text and not out.unknown
