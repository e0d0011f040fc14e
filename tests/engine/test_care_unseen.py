"""Care signs as people write them who never saw the rules, one test per way a sign used
to be missed: a language without rules (Vietnamese, Arabic), harm to oneself by other
means than a blade, a burden that ends soon, a note's last words, a last chance taken, a
wish not to wake said as regret, affairs settled in a language that had no words for it,
spellings the normaliser did not unify. Each positive is paired with ordinary words that
share its surface (a burn while cooking, a notebook filled, "I'd die for you")."""

from __future__ import annotations

import pytest

from mirror.engine.care import CARE, assess, care_response, gentle_line, response_language
from mirror.engine.care.detect import _assess_rules
from mirror.engine.care.text import fold


@pytest.mark.parametrize("text, category", [
    ("Dạo này mình chẳng muốn thức dậy nữa, chán sống lắm rồi.", "wish_to_be_dead"),
    ("Tuần nào mình cũng nghĩ đến chuyện tự tử.", "suicidal_thoughts"),
    ("Hôm qua lại rạch tay trong nhà tắm.", "self_harm"),
    ("Không có mình chắc cả nhà sẽ nhẹ nhõm hơn.", "burden_hopelessness"),
    ("صرت افكر في الانتحار كل يوم", "suicidal_thoughts"),
    ("يا رب خذني وريحني من هالدنيا", "wish_to_be_dead"),
    ("أنا عبء على أهلي وما عاد أبي أكمل", "burden_hopelessness"),
])
def test_vietnamese_and_arabic_have_care_of_their_own(text: str, category: str):
    finding = assess(text)
    assert finding.tier == CARE, finding.to_json()
    assert category in finding.categories
    language = response_language(text, finding)
    assert language in ("vi", "ar")
    assert "{acknowledgement}" not in care_response(finding.signals, language=language)
    assert gentle_line(language) and "`" not in gentle_line(language)


@pytest.mark.parametrize("text", [
    "Mệt muốn chết, làm từ sáng tới tối không nghỉ.",
    "Xem phim hài cười chết mất.",
    "Đọc bài báo về một vụ tự tử ở Hà Nội, buồn quá.",
    "والله اموت فيك يا حبيبي",
    "قتلني الضحك على المقطع",
    "جوعان موت، ما أكلت من الصبح",
])
def test_their_figures_of_speech_and_the_news_are_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()


def test_arabic_letters_written_several_ways_are_one_word():
    assert fold("أنتحر") == fold("انتحر") and fold("حياة") == fold("حياه")
    assert fold("إِنْتِحَار") == fold("انتحار")
    assert fold("शिफ़्ट") == fold("शिफ्ट")  # the nukta is written or left out


@pytest.mark.parametrize("text", [
    "Smoked half a pack and pressed the cigarette into my forearm. It calms me down somehow.",
    "Ho preso a pugni le mie gambe finché non sono diventate viola. Nessuno deve saperlo.",
    "Uderzałam głową o ścianę aż do krwi.",
    "Бил себя кулаками по голове, пока не пошла кровь.",
    "Me quemé el brazo con el mechero a propósito.",
    "Ik heb mezelf weer geslagen tot er blauwe plekken kwamen.",
    "Kendimi bilerek sigarayla yaktım.",
])
def test_harm_to_oneself_by_burns_bites_and_blows_with_its_trace_is_clear(text: str):
    finding = assess(text)
    assert finding.tier == CARE, finding.to_json()
    assert "self_harm" in finding.categories


@pytest.mark.parametrize("text", [
    "Burned my hand on the oven tray making pizza, big red mark.",
    "Bit my lip at lunch, ouch.",
    "Mi sono scottata con la padella mentre cucinavo, che male.",
    "Me quemé con la sartén haciendo la cena.",
    "Uderzyłam się w głowę o szafkę, mam guza.",
])
def test_an_accidental_burn_or_knock_is_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "Bald bin ich niemandem mehr zur Last.",
    "Dentro de poco no voy a ser un problema para nadie.",
    "Presto non sarò più un peso per nessuno.",
    "Скоро никому не придётся со мной возиться.",
    "Незабаром я не буду тягарем нікому.",
    "Binnenkort hoeft niemand meer rekening met me te houden.",
    "Wkrótce nie będę dla nikogo ciężarem.",
    "再过不久我就不会再拖累家里了。",
    "Snart behöver ingen bry sig om mig längre.",
])
def test_a_burden_that_ends_soon_reaches_at_least_the_gentle_line(text: str):
    finding = assess(text)
    assert finding.tier is not None, finding.to_json()
    assert "burden_hopelessness" in finding.categories


@pytest.mark.parametrize("text", [
    "Whoever reads this notebook: keep my records, they are yours now. This is my last page.",
    "Si quelqu'un trouve ce carnet : garde mes dessins, Léa. C'est ma dernière page.",
    "Quem ler este diário: fique com meus livros, Bia. Fiz o que pude.",
    "Wer dieses Tagebuch findet: behaltet meine Platten. Das ist die letzte Seite.",
])
def test_a_notes_last_words_with_a_thing_left_to_someone_are_a_goodbye(text: str):
    finding = assess(text)
    assert finding.tier == CARE, finding.to_json()
    assert "preparatory_acts" in finding.categories


@pytest.mark.parametrize("text", [
    "Last page of this notebook! Starting a fresh one tomorrow, thanks Mum for the new one.",
    "If anyone finds this notebook please return it to room 12, reward!",
    "Dernière page de ce carnet de recettes, il faut que j'en rachète un.",
])
def test_a_notebook_filled_or_lost_is_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "Prima di sparire voglio salutare tutti.",
    "Ще підписала фото для мами, щоб залишилось щось від мене.",
    "Lo hice para que tengan algo de mí cuando ya no esté.",
])
def test_a_last_chance_taken_reaches_at_least_the_gentle_line(text: str):
    finding = assess(text)
    assert finding.tier is not None, finding.to_json()


@pytest.mark.parametrize("text", [
    "лучше бы я тогда не очнулась",
    "Молюся щоразу, щоб не прокинутись зранку.",
    "keşke ölsem artık",
])
def test_a_wish_not_to_have_woken_said_as_regret_is_clear(text: str):
    finding = assess(text)
    assert finding.tier == CARE, finding.to_json()
    assert "wish_to_be_dead" in finding.categories


@pytest.mark.parametrize("text", [
    "Pagué todas mis deudas y cerré mis cuentas. Ella pensó que era solo papeleo.",
    "Betalade alla räkningar och la lösenorden i ett kuvert till min syster. Allt är ordnat.",
    "Попросила подругу, якщо що, забрати кота до себе. Вона не зрозуміла навіщо.",
])
def test_affairs_settled_with_their_meaning_kept_back_reach_the_gentle_line(text: str):
    finding = assess(text)
    assert finding.tier is not None, finding.to_json()
    assert "preparatory_acts" in finding.categories


@pytest.mark.parametrize("text", [
    "I want to die every time my boss mentions the quarterly targets.",
    "I want to disappear into the ground, I called my teacher mum.",
    "Ammazzerei per una pizza adesso.",
    "ऑफ़िस में विदाई थी, अगले महीने शिफ़्ट हो रहा हूँ। अपनी किताबें सबको बाँट दीं।",
])
def test_figures_found_by_structure_are_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()


def test_a_reaction_to_something_inside_the_writer_stays_a_wish():
    assert assess("I want to die every time I wake up.").tier == CARE


@pytest.mark.parametrize("text", [
    "Après le déménagement je ne serai plus un problème pour personne avec le bruit.",
    "Feeling hopeless about the job hunt. Interview soon though!",
])
def test_no_burden_without_a_time_or_soon_without_a_burden_is_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "Long shift. Transferred my savings to my sister tonight and wrote down the account "
    "passwords for her. She thinks I'm just being organised.",
    "Passei o carro pro nome do meu irmão e deixei as senhas com ele. Ele nem desconfiou.",
])
def test_property_signed_over_with_its_meaning_hidden_reaches_the_gentle_line(text: str):
    finding = assess(text)
    assert finding.tier is not None, finding.to_json()


@pytest.mark.parametrize("text", [
    "Hoy fui al banco y puse la casa a nombre de los dos, por fin casados. Ya está todo en orden.",
    "Transferred my savings to my ISA and wrote the passwords into my password manager.",
])
def test_paperwork_for_a_couple_or_oneself_is_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "Ich habe den Tag gewählt. Nach Omas Geburtstag, damit ich ihn nicht kaputt mache.",
    "C'est décidé, ce sera après les examens. Personne ne s'en doutera.",
])
def test_a_day_chosen_with_a_time_and_secrecy_or_sparing_others_is_an_intent(text: str):
    finding = assess(text)
    assert finding.tier == CARE, finding.to_json()
    assert "intent_plan" in finding.categories


@pytest.mark.parametrize("text", [
    "Picked the date for the party! After my brother's wedding, so we don't clash.",
    "Tired of being here at the office until 9pm every night, need a new job.",
    "Je ne vois plus aucune issue à ce puzzle, je laisse tomber.",
    "Before I disappear on holiday next week, I gave my plants to the neighbour.",
    "Laper banget mau mati rasanya.",
])
def test_a_thing_named_or_a_trip_makes_the_words_ordinary(text: str):
    assert assess(text).tier is None, assess(text).to_json()


def test_an_entry_without_common_words_is_read_in_the_languages_of_its_script():
    # No very common Korean word: the cues are still read as Korean.
    assert assess("손목을 피가 나도록 깨물었다.").tier == CARE


def test_the_arabic_question_mark_ends_a_sentence():
    finding = assess("ليش انا لسه عايش؟ ما ابي اعيش")
    assert finding.tier == CARE
    assert all("؟" not in s.text for s in finding.signals)


@pytest.mark.parametrize("text", [
    "没有我大家都会轻松一点。",
    "私がいないほうが、みんな楽だと思う。",
    "Alla skulle må bättre om jag inte fanns.",
    "Sab ki life easy ho jayegi agar main na rahun.",
    "我真希望自己从来没有出生过。",
    "Ho cercato quante pastiglie servirebbero.",
])
def test_others_better_without_the_writer_never_born_and_pills_counted_are_clear(text: str):
    finding = assess(text)
    assert finding.tier == CARE, finding.to_json()


@pytest.mark.parametrize("text", [
    "没有我，你们也可以去。",
    "How many tablets of ibuprofen can I take in a day? The leaflet is confusing.",
])
def test_without_me_as_a_plan_and_a_daily_dose_asked_are_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "Normal Tuesday. Gym, then groceries. Called Gran and told her she was the best thing in "
    "my life, just in case I don't get another chance.",
    "Normaler Dienstag. Habe Oma angerufen und ihr gesagt, dass ich sie liebe, falls ich keine "
    "Gelegenheit mehr habe.",
    "Zwykły wtorek. Zadzwoniłam do babci, żeby powiedzieć, że ją kocham, na wypadek gdybym nie "
    "miała już okazji.",
    "普通的星期二。给奶奶打电话说我爱她，怕以后没机会说了。",
])
def test_love_said_as_if_for_the_last_time_reaches_the_gentle_line(text: str):
    finding = assess(text)
    assert finding.tier is not None, finding.to_json()
    assert "preparatory_acts" in finding.categories


@pytest.mark.parametrize("text", [
    "Told my son I love him before his flight to Sydney, just in case the line is bad later.",
    "Normal Tuesday. Called Gran and told her she was the best, she loved the flowers.",
    "Bought the tickets just in case I don't get another chance to see them live.",
])
def test_love_said_before_a_trip_or_a_chance_for_a_concert_is_not(text: str):
    assert assess(text).tier is None, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "もう決めた。金曜日、みんなが寝たら。薬は引き出しにある。",
    "결정했다. 금요일, 다들 잠들면. 약은 서랍에 있다.",
    "我已经决定了。周五，等大家都睡了。药在抽屉里。",
    "Aku udah mutusin. Jumat, pas semua udah tidur. Obatnya di laci.",
    "Ich habe mich entschieden. Freitag, wenn alle schlafen, nehme ich die Tabletten.",
])
def test_a_decision_a_day_the_house_asleep_and_the_means_are_an_intent(text: str):
    finding = assess(text)
    assert finding.tier == CARE, finding.to_json()


@pytest.mark.parametrize("text", [
    "Ich habe mich entschieden: Freitag streiche ich die Küche, wenn alle schlafen.",
    "もう決めた。金曜日にキッチンを塗り直す。",
])
def test_a_decision_whose_content_is_an_errand_is_not(text: str):
    """The rules read the errand and say nothing. The second reader, which sees only the
    words, gives the German one the gentle line (its known cost, test_care_model.py);
    with no rule sign to agree with, never the care response."""
    assert _assess_rules(text).tier is None, _assess_rules(text).to_json()
    assert assess(text).tier != CARE


def test_arabic_and_written_onto_a_word_is_read_as_two():
    assert assess("تعبت من الحياة ومابي اكمل").tier == CARE


@pytest.mark.parametrize("text", [
    "Đọc tin một nam sinh tự tử vì áp lực thi cử, thấy thương quá.",
    "قريت خبر عن شاب انتحر في الجامعة، حزنت كثير.",
    "مابي اكمل الجامعة، ابي اغير تخصصي",
    "جرحت ايدي وانا اقطع البصل",
])
def test_news_of_someone_else_and_ordinary_plans_are_not_in_vietnamese_or_arabic(text: str):
    assert assess(text).tier is None, assess(text).to_json()
