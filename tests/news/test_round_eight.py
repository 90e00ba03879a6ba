"""Round eight: the year a figure refers to (issue 14).

Every sentence here is invented for the test (other countries, made-up figures); each test names
the general rule it holds.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.pubdate import year_after_figures


def _year(got, value):
    found = [c for c in got.claims if c.value is not None and abs(c.value - value) < 1e-6 * max(1, abs(value))]
    assert found, f"no claim of {value}: {[(c.text, c.value) for c in got.claims]}"
    return found[0].year


# -- an undated text's "last year": the year after its latest whole-year figure ----------------

def test_undated_last_year_is_the_latest_whole_year_reported() -> None:
    got = extract("Two-way trade between Chile and Norway climbed to $3.2 billion in 2031, the ministry said.\n\n"
                  "Chilean shipments to Norway of $1.1 billion last year were mostly salmon and copper.")
    assert _year(got, 3.2e9) == 2031
    assert _year(got, 1.1e9) == 2031
    assert any("2032" in note for note in got.notes)


def test_a_month_or_a_part_year_names_the_year_of_writing_itself() -> None:
    guess = year_after_figures("Peru's aid to Ghana totalled $40 million till March 2030. Trade grew last year.")
    assert guess is not None and guess.year == 2030
    guess = year_after_figures("Exports reached $2 billion in 2028 and $900 million in the first half of 2030. "
                               "They fell last year.")
    assert guess is not None and guess.year == 2030


def test_no_guess_without_a_backward_word_or_from_goals() -> None:
    # "this year" alone does not date a text that recalls earlier years
    assert year_after_figures("Trade between Peru and Ghana rose 40% between 2021 and 2026; this year it is flat.") is None
    # a goal's year is no reported period
    guess = year_after_figures("Trade was $5 billion in 2027. They aim to reach $9 billion by 2035. It rose last year.")
    assert guess is not None and guess.year == 2028


def test_the_guessed_year_dates_no_undated_figure_and_no_agreement() -> None:
    got = extract("Trade between Chile and Norway reached $3.2 billion in 2031 and rose last year.\n\n"
                  "Norwegian investment in Chile stands at $700 million.\n\n"
                  "The two governments signed a memorandum of understanding on Monday.")
    assert _year(got, 7e8) is None
    assert got.agreements and all(a.date is None or a.date.value is None for a in got.agreements)


# -- fiscal years named by the text itself -------------------------------------------------------

def test_the_current_fiscal_year_the_text_names_wins_over_the_calendar() -> None:
    text = ("India's imports from Peru reached $900 million in the first quarter of the current fiscal year "
            "(2031-32), against $700 million in the same quarter of last fiscal year.")
    got = extract(text, dt.date(2032, 4, 20))  # by the calendar, April 2032 is already fiscal 2032-33
    assert _year(got, 9e8) == 2031
    assert _year(got, 7e8) == 2030


def test_previous_fiscal_year_steps_back_from_the_year_told() -> None:
    got = extract("Indian investment in Ghana came to $50 million in FY 2030/2031, official data show. "
                  "Ghanaian investment in India was valued at $12 million, compared to $9 million in the "
                  "previous fiscal year.")
    assert _year(got, 1.2e7) == 2030
    assert _year(got, 9e6) == 2029


def test_last_financial_year_as_a_comparison_base() -> None:
    got = extract("Trade between India and Chile is projected to top $9 billion in the current fiscal, compared "
                  "to $7 billion for the last financial year, officials said.", dt.date(2031, 11, 20))
    assert _year(got, 9e9) == 2031
    assert _year(got, 7e9) == 2030


def test_a_part_of_a_fiscal_year_is_that_fiscal_year() -> None:
    got = extract("Pakistan recorded a $2 billion trade deficit with Chile during Q1 of FY32, officials said.")
    assert _year(got, 2e9) == 2031
    assert next(c for c in got.claims if c.value == 2e9).period == "FY2031-32-Q1"


# -- years inside one sentence --------------------------------------------------------------------

def test_each_figure_of_a_list_takes_the_date_written_after_it() -> None:
    got = extract("Qatar has invested $3 billion in Indian ports in May 2029 and $1 billion in Indian solar "
                  "farms in March 2030.")
    assert _year(got, 3e9) == 2029
    assert _year(got, 1e9) == 2030


def test_a_capital_in_inside_a_sentence_starts_the_next_one() -> None:
    got = extract("In 2029, trade between Kenya and Norway came to $2 billion In 2030, it slipped to $1.7 billion.")
    assert _year(got, 2e9) == 2029
    assert _year(got, 1.7e9) == 2030


def test_the_year_of_a_founding_dates_the_figure_told_with_when() -> None:
    got = extract("Ghana and Korea set up diplomatic ties in 1995, when two-way trade stood at just $40 million. "
                  "Trade between them hit $2 billion in 2030.")
    assert _year(got, 4e7) == 1995


def test_over_the_past_year_is_a_span_not_a_base() -> None:
    got = extract("Over the past year, trade between Peru and Qatar doubled to $800 million, the envoy said.",
                  dt.date(2032, 2, 10))
    assert _year(got, 8e8) == 2031


def test_respectively_follows_the_periods_in_order() -> None:
    got = extract("India's exports to Japan rose to $2.5 billion in FY31 from $2.1 billion in FY30, while imports "
                  "from Japan stood at $4.4 billion and $4.0 billion, respectively.")
    assert _year(got, 4.4e9) == 2030
    assert _year(got, 4.0e9) == 2029


def test_a_list_of_partners_keeps_the_date_of_its_first_figure() -> None:
    got = extract("India's trade with Qatar reached $20 billion in the incomplete 2031-32 financial year. India's "
                  "largest partners in the current fiscal year have been Chile with a turnover of $10.5 billion, "
                  "Peru with $8.1 billion and Ghana with $2.2 billion.", dt.date(2032, 4, 20))
    assert {_year(got, v) for v in (10.5e9, 8.1e9, 2.2e9)} == {2031}


def test_a_change_to_a_figure_takes_the_figure_s_period() -> None:
    got = extract("Trade between India and Chile grew by 7 per cent to $6.2 billion in FY31, the ministry said.")
    assert _year(got, 6.2e9) == 2030
    assert _year(got, 7) == 2030


def test_negative_growth_is_a_fall() -> None:
    got = extract("Chile's exports to Norway posted a negative growth of 12% in 2030.")
    assert any(c.value == -12 for c in got.claims)


def test_which_was_after_a_base_year_is_the_base_figure() -> None:
    got = extract("Trade between Peru and Qatar rose 10 percent to $5.5 billion in the first half of 2031 as "
                  "compared with the same period in 2030 which was $5 billion.")
    assert _year(got, 5.5e9) == 2031
    assert _year(got, 5e9) == 2030


# -- years across the article ---------------------------------------------------------------------

def test_a_restated_trade_figure_takes_the_year_told_with_it() -> None:
    got = extract("Chile-Norway trade hits record $4.4 billion\n\n"
                  "Trade between Chile and Norway hit $4.4 billion in 2030, officials said on a visit.")
    assert [c.year for c in got.claims if c.value == 4.4e9] == [2030, 2030]


def test_a_restated_figure_told_for_two_years_stays_undated() -> None:
    got = extract("Chile-Norway trade at $4.4 billion\n\n"
                  "Trade between Chile and Norway was $4.4 billion in 2029 and again $4.4 billion in 2030.")
    assert [c.year for c in got.claims if c.value == 4.4e9][0] is None


def test_a_flow_paragraph_goes_on_past_a_paragraph_without_figures() -> None:
    got = extract("Peru's exports to Ghana hit $300 million in 2030.\n\n"
                  "Peru also opened a trade office in Accra.\n\n"
                  "Peruvian exporters earned $40 million from cocoa sold to Ghana.\n\n"
                  "A Ghanaian delegation is to visit Lima, where a fund of $5 million awaits.")
    assert _year(got, 4e7) == 2030
    assert _year(got, 5e6) is None  # a paragraph that opens on no flow word does not go on


def test_a_fiscal_year_moves_the_paragraph_year_on() -> None:
    got = extract("India's trade with Chile reached $5 billion in the last fiscal, officials said.\n\n"
                  "Exports\n\n"
                  "India's exports to Chile were $2 billion and imports were $3 billion.", dt.date(2031, 6, 1))
    assert _year(got, 5e9) == 2030
    assert _year(got, 2e9) == 2030


def test_an_agreement_recalled_with_its_year_is_dated_without_a_publication_date() -> None:
    got = extract("Trade between Chile and Korea has risen fast since Chile and Korea signed a free trade "
                  "agreement in 2004.")
    assert [a.date.value.year for a in got.agreements if a.date is not None] == [2004]
    got = extract("Trade between Chile and Korea has risen without pause since 2010, after the signing of the "
                  "Chile-Korea Free Trade Agreement.")
    assert all(a.date is None or a.date.value is None for a in got.agreements)


def test_more_verbs_of_a_fall() -> None:
    got = extract("Chile's copper shipments to Norway tumbled 21 percent in 2030, and its surplus dipped 4 percent.")
    assert sorted(c.value for c in got.claims if c.unit == "percent") == [-21, -4]
    assert {c.measure for c in got.claims if c.unit == "percent"} == {"growth"}
