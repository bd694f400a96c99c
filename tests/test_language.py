"""The language check: non-English text is refused with the language named, plainly English text passes
without langdetect (the shortcut decides nothing langdetect would decide otherwise)."""

from __future__ import annotations

import random

import pytest

from eventcoder import ingest
from eventcoder.bench import bench_set
from eventcoder.errors import UnsupportedLanguageError
from eventcoder.ingest import check_language, detected_language, plainly_english

OTHER = {
    "fr": ("Des centaines de manifestants se sont rassemblés samedi devant l'hôtel de ville de Lyon pour dénoncer "
           "la fermeture de la maternité du quartier, selon les organisateurs. La police a indiqué que le cortège "
           "s'était dispersé dans le calme en fin d'après-midi. Le maire a promis de recevoir une délégation la "
           "semaine prochaine, mais les syndicats jugent cette réponse insuffisante et appellent à une nouvelle "
           "journée de mobilisation le mois prochain."),
    "es": ("El ayuntamiento de Valencia inauguró este lunes un nuevo carril bici que une el centro histórico con "
           "el puerto, una obra que ha costado cuatro millones de euros y que ha tardado dos años en completarse. "
           "La alcaldesa explicó que el proyecto forma parte de un plan más amplio para reducir el tráfico de "
           "coches en la ciudad, mientras los comerciantes de la zona se quejan de la pérdida de plazas de "
           "aparcamiento durante las obras."),
    "de": ("Die Stadtverwaltung von Leipzig hat am Dienstag einen neuen Haushaltsplan vorgestellt, der deutlich "
           "mehr Geld für Schulen und den öffentlichen Nahverkehr vorsieht. Der Oberbürgermeister sagte, die "
           "Stadt wolle in den kommenden drei Jahren mehr als hundert Millionen Euro investieren. Kritiker aus "
           "der Opposition werfen ihm vor, die steigenden Schulden nicht ernst genug zu nehmen, und kündigten "
           "an, im Stadtrat gegen den Entwurf zu stimmen."),
    "it": ("Il consiglio comunale di Bologna ha approvato ieri sera il nuovo piano per il verde urbano, che "
           "prevede la piantumazione di diecimila alberi entro il prossimo anno. Secondo l'assessore all'ambiente, "
           "le nuove aree verdi serviranno a ridurre le temperature estive nei quartieri più densi della città. "
           "L'opposizione ha votato contro, sostenendo che mancano i fondi per la manutenzione."),
    "pt": ("O governo do estado anunciou nesta quarta-feira a construção de três novos hospitais no interior, "
           "com investimento previsto de quinhentos milhões de reais ao longo dos próximos quatro anos. Segundo o "
           "secretário de saúde, as obras devem começar no segundo semestre e vão gerar cerca de dois mil "
           "empregos diretos. Prefeitos da região comemoraram a notícia, mas pediram mais médicos."),
    "nl": ("De gemeenteraad van Utrecht heeft donderdag ingestemd met een plan om het centrum vanaf volgend jaar "
           "grotendeels autovrij te maken. Volgens de wethouder was het besluit nodig om de luchtkwaliteit te "
           "verbeteren en de binnenstad aantrekkelijker te maken voor voetgangers en fietsers. Ondernemers zijn "
           "verdeeld: sommigen vrezen minder klanten, anderen verwachten juist meer bezoekers."),
    "id": ("Pemerintah kota Surabaya meresmikan jembatan baru yang menghubungkan dua kecamatan di bagian utara kota "
           "pada hari Senin. Wali kota mengatakan bahwa pembangunan jembatan itu memakan waktu hampir tiga tahun "
           "dan menelan biaya lebih dari dua ratus miliar rupiah. Warga setempat menyambut baik proyek ini karena "
           "waktu perjalanan ke pusat kota kini jauh lebih singkat dari sebelumnya."),
    "sw": ("Serikali ya kaunti ya Mombasa imetangaza mpango mpya wa kusafisha fukwe za bahari kila mwezi, kwa "
           "ushirikiano na vikundi vya vijana katika eneo hilo. Gavana alisema kwamba mpango huo utasaidia "
           "kuongeza idadi ya watalii na kutoa ajira kwa mamia ya vijana. Wakazi wengi wamepokea habari hiyo kwa "
           "furaha, ingawa wengine wanasema fedha zaidi zinahitajika."),
    "tr": ("İzmir Büyükşehir Belediyesi, kentin kuzeyinde yeni bir metro hattının yapımına önümüzdeki ay "
           "başlanacağını açıkladı. Belediye başkanı, hattın tamamlanmasıyla birlikte günde yüz binden fazla "
           "yolcunun taşınacağını ve trafik sorununun büyük ölçüde azalacağını söyledi. Muhalefet ise projenin "
           "maliyetinin çok yüksek olduğunu ve finansmanın belirsiz kaldığını savundu."),
    "pl": ("Władze Krakowa zapowiedziały w środę budowę nowego parku w dzielnicy Nowa Huta, który ma powstać na "
           "terenie dawnych zakładów przemysłowych. Prezydent miasta powiedział, że prace rozpoczną się jesienią i "
           "potrwają około dwóch lat. Mieszkańcy od dawna domagali się więcej terenów zielonych, ale część radnych "
           "krytykuje koszt inwestycji."),
    "sv": ("Kommunen i Göteborg har beslutat att bygga en ny simhall i stadsdelen Angered, meddelade "
           "kommunstyrelsens ordförande på tisdagen. Bygget beräknas kosta omkring trehundra miljoner kronor och "
           "ska vara klart om tre år. Föreningar som har väntat länge på fler bassängtider välkomnar beskedet, "
           "medan oppositionen anser att pengarna borde gå till skolorna."),
    "ro": ("Primăria Clujului a anunțat luni că va moderniza zece școli din oraș până la sfârșitul anului viitor, "
           "cu bani din fonduri europene. Primarul a declarat că lucrările vor include noi săli de sport și "
           "laboratoare pentru elevi. Părinții au salutat decizia, dar sindicatele profesorilor cer și creșterea "
           "salariilor din învățământ."),
}
ARABIC = ("أعلنت وزارة الصحة يوم الثلاثاء عن افتتاح مستشفى جديد في مدينة الإسكندرية يضم أكثر من مئتي سرير، "
          "وقال الوزير في مؤتمر صحفي إن المشروع يهدف إلى تخفيف الضغط على المستشفيات القائمة في المحافظة، "
          "مضيفا أن العمل سيبدأ في استقبال المرضى خلال الشهر المقبل.")
ENGLISH = ("KISUMU, Kenya - Farmers around Lake Victoria said on Tuesday that the late rains had cut their maize "
           "harvest by about a third, and that the price of seed had doubled since last year. The county "
           "government said it would hand out drought-resistant seed to 20,000 households before the short rains "
           "begin in October, but farmers' groups said the help came too late for many of them.")


def plain(text: str) -> bool:
    sample = text[:3000]
    letters = sum(c.isalpha() for c in sample)
    return plainly_english(sample, letters, sum(c.isascii() for c in sample if c.isalpha()))


@pytest.mark.parametrize("lang", sorted(OTHER))
def test_other_languages_are_refused_with_their_name(lang: str) -> None:
    assert not plain(OTHER[lang])
    with pytest.raises(UnsupportedLanguageError, match=f"report.txt: text is in language '{lang}', not English"):
        check_language(OTHER[lang], "report.txt")


def test_arabic_is_refused_before_any_detector() -> None:
    with pytest.raises(UnsupportedLanguageError, match="text is not in English"):
        check_language(ARABIC, "cairo.txt")


def test_a_french_report_quoting_english_is_still_french() -> None:
    text = OTHER["fr"] + ' Un élu a résumé : "we will not give up, this is our hospital". ' + OTHER["fr"]
    assert not plain(text)
    with pytest.raises(UnsupportedLanguageError, match="language 'fr'"):
        check_language(text, "lyon.txt")


def test_plainly_english_text_passes_without_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    assert plain(ENGLISH)

    def no_detector(sample: str) -> str | None:
        raise AssertionError("langdetect was asked")

    monkeypatch.setattr(ingest, "detected_language", no_detector)
    check_language(ENGLISH, "kisumu.txt")  # no error, and the detector was not asked
    with pytest.raises(AssertionError, match="langdetect was asked"):  # unclear text still goes to it
        check_language(OTHER["nl"], "utrecht.txt")


def test_short_and_accented_english_goes_to_langdetect_and_passes() -> None:
    short = "Floods closed the main road to the port on Monday, officials said."
    accented = ("São Tomé e Príncipe's president met Côte d'Ivoire's prime minister in Abidjan. Both leaders said "
                "that their countries would work together on fisheries. " * 2)
    for text in (short, accented):
        assert not plain(text)
        assert detected_language(text) is None
        check_language(text, "x.txt")


def test_english_with_an_other_language_mixed_in_is_never_passed_against_langdetect() -> None:
    """Mixtures of English sentences (the bench set's) with sentences of each other language: wherever the
    shortcut calls one plainly English, langdetect would pass it too."""
    rnd = random.Random(16)
    english = [s for a in bench_set() for s in a.text.split(". ") if len(s) > 40]
    shortcut = 0
    for lang, text in OTHER.items():
        other = text.split(". ")
        for _ in range(12):
            parts = rnd.sample(other, rnd.randint(1, len(other))) + rnd.sample(english, rnd.randint(1, 10))
            rnd.shuffle(parts)
            mix = ". ".join(parts)
            if plain(mix):
                shortcut += 1
                assert detected_language(mix) is None, (lang, mix)
    assert 0 < shortcut < 12 * len(OTHER)  # some mixtures are passed by the shortcut (and checked), most are not
