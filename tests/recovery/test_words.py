"""The word complaints share: content words only, never contact details or the customer's name."""

from bot.recovery.words import SharedWord, shared_word


def test_the_word_most_complaints_mention_ignoring_case_and_a_plural_s() -> None:
    texts = [
        "Housekeeping threw away the MEDICATION she left on the desk.",
        "Her medications were not put back in the fridge after cleaning.",
        "The pharmacy delivery with her medication went to the wrong room; housekeeping shrugged.",
        "The fridge in the room was warm.",
    ]
    assert shared_word(texts) == SharedWord("medication", 3)


def test_stop_words_short_words_and_numbers_never_count() -> None:
    texts = [
        "They said that the fee was 4500 and that they would call back about it, REC-12",
        "They said that they would come back about the fee; order 4500, REC-12",
    ]
    assert shared_word(texts) is None  # "fee" is three letters; "said", "that", "would"… are stop words


def test_one_complaint_is_not_a_pattern() -> None:
    assert shared_word(["Mould mould mould in the bathroom mould"]) is None
    assert shared_word([]) is None


def test_contact_details_links_and_mentions_are_not_words() -> None:
    contact = (
        "write to grace.kimura@example.com or <mailto:grace.kimura@example.com|grace> or +1 415 555 0199"
    )
    link = "<https://photos.example.com/kimura|photos> and https://photos.example.com/kimura <@U0LEAD0001>"
    texts = [f"The minibar was empty; {contact}; {link}", f"Nothing in the minibar. {contact} {link}"]
    assert shared_word(texts) == SharedWord("minibar", 2)


def test_the_customers_name_is_never_the_word() -> None:
    texts = [
        "Customer: Grace Kimura says Kimura family's allergy card was ignored by Kimura's waiter.",
        "Grace Kimura again: the allergy card was lost.",
        "Kimura: the kitchen lost an allergy card",
    ]
    assert shared_word(texts) == SharedWord("kimura", 3)  # the name: what the rule below must skip
    assert shared_word(texts, names=["Grace Kimura", None]) == SharedWord("allergy", 3)


def test_ties_go_to_the_word_written_more_often_then_the_alphabet() -> None:
    texts = ["mould and damp, mould", "damp and mould", "damp walls"]
    assert shared_word(texts) == SharedWord("damp", 3)
    assert shared_word(["mould and damp, mould", "damp and mould"]) == SharedWord("mould", 2)
    assert shared_word(["damp mould", "mould damp"]) == SharedWord("damp", 2)


def test_the_word_is_shown_as_it_is_most_often_written() -> None:
    texts = ["Two towels missing", "Towels were dirty", "One towel had a stain"]
    assert shared_word(texts) == SharedWord("towels", 3)
