package export

import (
	"strings"

	"github.com/dyadproject/dyad"
)

// The fixtures are invented stories; offsets are byte offsets into their
// bodies, computed from the quoted text.

const richBody = `PARIS, May 6 (AFP) -- France's foreign minister and its defence minister wrote on Monday ` +
	`that partnerships with India and Australia "multiply what we can do". ` +
	`The foreign minister met his Indian counterpart in New Delhi on Monday. ` +
	`Both ministers will meet Australian officials in Canberra on Thursday. ` +
	`They accused Moscow of abducting children from occupied regions of Ukraine. ` +
	`Russia did not withdraw its troops from Ukraine, officials said. ` +
	`The United Nations could criticise Moscow & Minsk <again>.`

type finder string

// at returns the n-th (from 0) occurrence of s in the body as a span.
func (b finder) at(s string, n int) (int, int) {
	off := 0
	for {
		i := strings.Index(string(b)[off:], s)
		if i < 0 {
			panic("fixture text not in body: " + s)
		}
		if n == 0 {
			return off + i, off + i + len(s)
		}
		off, n = off+i+len(s), n-1
	}
}

func (b finder) ref(actor, code, s string, n int) dyad.ActorRef {
	start, end := b.at(s, n)
	return dyad.ActorRef{Actor: actor, Text: s, Code: code, Start: start, End: end}
}

func (b finder) mention(s string, n, sentence int) dyad.MentionRef {
	start, end := b.at(s, n)
	return dyad.MentionRef{Text: s, Start: start, End: end, Sentence: sentence}
}

func (b finder) snippet(s string, n int) dyad.Snippet {
	start, end := b.at(s, n)
	return dyad.Snippet{Text: s, Start: start, End: end}
}

func (b finder) evidence(sentence, trigger string, n int, pattern string) dyad.Evidence {
	return dyad.Evidence{Text: sentence, Trigger: b.snippet(trigger, n), Pattern: pattern}
}

func richResult() *dyad.Result {
	b := finder(richBody)
	s := []string{
		`France's foreign minister and its defence minister wrote on Monday that partnerships with India and Australia "multiply what we can do".`,
		`The foreign minister met his Indian counterpart in New Delhi on Monday.`,
		`Both ministers will meet Australian officials in Canberra on Thursday.`,
		`They accused Moscow of abducting children from occupied regions of Ukraine.`,
		`Russia did not withdraw its troops from Ukraine, officials said.`,
		`The United Nations could criticise Moscow & Minsk <again>.`,
	}
	delhi := &dyad.PlaceRef{Place: "p1", Name: "New Delhi", Country: "IND", Lat: 28.63576, Lon: 77.22445,
		Reason: `"in New Delhi" in the event's sentence`}
	canberra := &dyad.PlaceRef{Place: "p2", Name: "Canberra", Country: "AUS", Lat: -35.28346, Lon: 149.12807,
		Reason: `"in Canberra" in the event's sentence`}
	ukraine := &dyad.PlaceRef{Place: "p3", Name: "Ukraine", Country: "UKR", Lat: 49, Lon: 32,
		Reason: `"from Ukraine" in the event's sentence`}
	fm := b.ref("a1", "FRAGOV", "France's foreign minister", 0)
	return &dyad.Result{
		SchemaVersion: dyad.SchemaVersion,
		ID:            "afp-2024-0506-017",
		Title:         "France's ministers court India and Australia on a week of visits, and accuse Moscow over abducted children",
		URL:           "https://news.example.org/world/2024/05/06/france-india-australia?ref=rss&utm=x",
		Source:        "AFP",
		Date:          "2024-05-06",
		Published:     "2024-05-06T09:30:00+02:00",
		Input:         "wire.jsonl:17",
		Hash:          dyad.ContentHash(richBody),
		Dateline:      &dyad.Dateline{Span: dyad.Span{Start: 0, End: 22}, Place: "PARIS", Source: "AFP", Date: "2024-05-06"},
		Stats:         dyad.Stats{Bytes: len(richBody), Sentences: 6, Tokens: 87},
		Actors: []dyad.Actor{
			{ID: "a1", Text: "France's foreign minister", Name: "French foreign minister", Code: "FRAGOV", Country: "FRA", Sector: "GOV", Kind: "agent",
				Role: "foreign minister", Mentions: []dyad.MentionRef{
					b.mention("France's foreign minister", 0, 0), b.mention("The foreign minister", 0, 1)}},
			{ID: "a2", Text: "his Indian counterpart", Name: "Indian foreign minister", Code: "INDGOV", Country: "IND", Sector: "GOV", Kind: "agent",
				Role: "foreign minister", Mentions: []dyad.MentionRef{b.mention("his Indian counterpart", 0, 1)}},
			{ID: "a3", Text: "Australian officials", Name: "Australian government", Code: "AUSGOV", Country: "AUS", Sector: "GOV", Kind: "agent",
				Mentions: []dyad.MentionRef{b.mention("Australian officials", 0, 2)}},
			{ID: "a4", Text: "Moscow", Name: "Russia", Code: "RUS", Country: "RUS", Kind: "country",
				Mentions: []dyad.MentionRef{b.mention("Moscow", 0, 3), b.mention("Russia", 0, 4), b.mention("Moscow", 1, 5)}},
			{ID: "a5", Text: "Ukraine", Name: "Ukraine", Code: "UKR", Country: "UKR", Kind: "country",
				Mentions: []dyad.MentionRef{b.mention("Ukraine", 0, 3), b.mention("Ukraine", 1, 4)}},
			{ID: "a6", Text: "The United Nations", Name: "United Nations", Code: "IGOUNO", Country: "", Kind: "organization",
				Mentions: []dyad.MentionRef{b.mention("The United Nations", 0, 5)}},
			{ID: "a7", Text: "its troops", Name: "Russian military", Code: "RUSMIL", Country: "RUS", Sector: "MIL", Kind: "agent",
				Mentions: []dyad.MentionRef{b.mention("its troops", 0, 4)}},
		},
		Events: []dyad.Event{
			{ID: "e1", Source: b.ref("a1", "FRAGOV", "France's foreign minister and its defence minister", 0),
				CAMEO: "010", CAMEOName: "Make statement", Root: "01", QuadClass: 1, Goldstein: 0,
				Date: "2024-05-06", DateSource: "text", Modality: "asserted", Sentence: 0,
				Evidence: b.evidence(s[0], "wrote", 0, "CAMEO.2.0.txt:2211 WRITE")},
			{ID: "e2", Source: b.ref("a1", "FRAGOV", "The foreign minister", 0), Target: ptr(b.ref("a2", "INDGOV", "his Indian counterpart", 0)),
				CAMEO: "042", CAMEOName: "Make a visit", Root: "04", QuadClass: 1, Goldstein: 1.9,
				PLOVER: dyad.PLOVER{Type: "CONSULT", Mode: "visit"}, Date: "2024-05-06", DateSource: "text",
				Location: delhi, Modality: "asserted", Sentence: 1,
				Evidence: b.evidence(s[1], "met", 0, "CAMEO.2.0.txt:1034 MEET WITH")},
			{ID: "e3", Source: b.ref("a1", "FRAGOV", "Both ministers", 0), Target: ptr(b.ref("a3", "AUSGOV", "Australian officials", 0)),
				CAMEO: "036", CAMEOName: "Express intent to meet or negotiate", Root: "03", QuadClass: 1, Goldstein: 4,
				PLOVER: dyad.PLOVER{Type: "AGREE", Context: "diplomatic"}, Date: "2024-05-09", DateSource: "text",
				Location: canberra, Modality: "future", Sentence: 2,
				Evidence: b.evidence(s[2], "will meet", 0, "CAMEO.2.0.txt:1040 WILL MEET")},
			{ID: "e4", Source: b.ref("a1", "FRAGOV", "They", 0), Target: ptr(b.ref("a4", "RUS", "Moscow", 0)),
				CAMEO: "1122", CAMEOName: "Accuse of human rights abuses", Root: "11", QuadClass: 3, Goldstein: -2,
				PLOVER: dyad.PLOVER{Type: "ACCUSE", Mode: "allege", Context: "human_rights"}, Date: "2024-05-06", DateSource: "article",
				Modality: "asserted", Sentence: 3,
				Evidence: b.evidence(s[3], "accused", 0, "CAMEO.2.0.txt:3120 ACCUSE * OF")},
			{ID: "e5", Source: b.ref("a7", "RUSMIL", "its troops", 0), Target: ptr(b.ref("a5", "UKR", "Ukraine", 1)),
				CAMEO: "0874", CAMEOName: "Retreat or surrender militarily", Root: "08", QuadClass: 2, Goldstein: 10,
				PLOVER: dyad.PLOVER{Type: "RETREAT", Mode: "disarm", Context: "military"}, Date: "2024-05-06", DateSource: "dateline",
				Location: ukraine, Negated: true, Modality: "reported", Sentence: 4,
				Evidence: b.evidence(s[4], "withdraw", 0, "CAMEO.2.0.txt:987 WITHDRAW * FROM")},
			{ID: "e6", Source: b.ref("a6", "IGOUNO", "The United Nations", 0), Target: ptr(b.ref("a4", "RUS", "Moscow", 1)),
				CAMEO: "111", CAMEOName: "Criticize or denounce", Root: "11", QuadClass: 3, Goldstein: -2,
				PLOVER: dyad.PLOVER{Type: "ACCUSE", Mode: "disapprove", Context: "crime;corruption"}, Date: "", DateSource: "",
				Modality: "hypothetical", Sentence: 5,
				Evidence: b.evidence(s[5], "could criticise", 0, "CAMEO.2.0.txt:3002 CRITICIZE")},
		},
		Quotes: []dyad.Quote{
			{ID: "q1", Kind: "direct", Text: "multiply what we can do", Sentence: 0,
				Start: first(b.at("multiply what we can do", 0)), End: second(b.at("multiply what we can do", 0)),
				Cue:     ptr(b.snippet("wrote", 0)),
				Speaker: &dyad.Speaker{Text: fm.Text, Start: fm.Start, End: fm.End, Actor: "a1", Code: "FRAGOV", Country: "FRA", Sector: "GOV", Role: "foreign minister"}},
			{ID: "q2", Kind: "indirect", Text: "Russia did not withdraw its troops from Ukraine", Sentence: 4,
				Start: first(b.at("Russia did not withdraw its troops from Ukraine", 0)), End: second(b.at("Russia did not withdraw its troops from Ukraine", 0)),
				Cue:     ptr(b.snippet("said", 0)),
				Speaker: &dyad.Speaker{Text: "officials", Start: first(b.at("officials", 1)), End: second(b.at("officials", 1))}},
		},
		Places: []dyad.Place{
			{ID: "p1", Name: "New Delhi", Kind: "city", Country: "IND", Admin1: "IN.07", Lat: 28.63576, Lon: 77.22445,
				Mentions: []dyad.MentionRef{b.mention("New Delhi", 0, 1)}},
			{ID: "p2", Name: "Canberra", Kind: "city", Country: "AUS", Admin1: "AU.01", Lat: -35.28346, Lon: 149.12807,
				Mentions: []dyad.MentionRef{b.mention("Canberra", 0, 2)}},
			{ID: "p3", Name: "Ukraine", Kind: "country", Country: "UKR", Lat: 49, Lon: 32,
				Mentions: []dyad.MentionRef{b.mention("Ukraine", 0, 3), b.mention("Ukraine", 1, 4)}},
		},
		Dates: []dyad.DateRef{
			{Text: "Monday", Start: first(b.at("Monday", 0)), End: second(b.at("Monday", 0)), Value: "2024-05-06", Granularity: "day", Sentence: 0},
			{Text: "Thursday", Start: first(b.at("Thursday", 0)), End: second(b.at("Thursday", 0)), Value: "2024-05-09", Granularity: "day", Sentence: 2},
		},
		Entities: []dyad.EntityRef{
			{Text: "New Delhi", Type: "LOC", Start: first(b.at("New Delhi", 0)), End: second(b.at("New Delhi", 0)), Sentence: 1},
			{Text: "Canberra", Type: "LOC", Start: first(b.at("Canberra", 0)), End: second(b.at("Canberra", 0)), Sentence: 2},
		},
		Themes: []dyad.Theme{{ID: "t1", Name: "diplomacy", Mentions: []dyad.MentionRef{b.mention("partnerships", 0, 0)}},
			{ID: "t2", Name: "children", Mentions: []dyad.MentionRef{b.mention("children", 0, 3)}}},
		Tone:   &dyad.Tone{Tone: -1.25, Positive: 2.5, Negative: 3.75, Polarity: 6.25, Words: 80},
		Errors: []dyad.StageError{},
	}
}

const sparseBody = "Talks between the two delegations ended without a statement.\n\nOfficials in Zürich declined to comment."

// sparseResult has no date, URL, dateline or tone, an event without target
// or place, and a stage error.
func sparseResult() *dyad.Result {
	b := finder(sparseBody)
	return &dyad.Result{
		SchemaVersion: dyad.SchemaVersion,
		ID:            "note-2",
		Title:         "Talks end\twithout\na statement",
		Input:         "-",
		Hash:          dyad.ContentHash(sparseBody),
		Stats:         dyad.Stats{Bytes: len(sparseBody), Sentences: 2, Tokens: 17},
		Actors: []dyad.Actor{{ID: "a1", Text: "Officials", Name: "officials", Code: "", Country: "", Kind: "group",
			Mentions: []dyad.MentionRef{b.mention("Officials", 0, 1)}}},
		Events: []dyad.Event{{ID: "e1", Source: b.ref("a1", "", "Officials", 0),
			CAMEO: "011", CAMEOName: "Decline comment", Root: "01", QuadClass: 1, Goldstein: -0.1,
			Modality: "asserted", Sentence: 1,
			Evidence: b.evidence("Officials in Zürich declined to comment.", "declined to comment", 0, "CAMEO.2.0.txt:120 DECLINE TO COMMENT")}},
		Quotes: []dyad.Quote{},
		Places: []dyad.Place{{ID: "p1", Name: "Zürich", Kind: "city", Country: "CHE", Admin1: "CH.ZH", Lat: 47.36667, Lon: 8.55,
			Mentions: []dyad.MentionRef{b.mention("Zürich", 0, 1)}}},
		Dates:    []dyad.DateRef{},
		Entities: []dyad.EntityRef{},
		Themes:   []dyad.Theme{},
		Errors:   []dyad.StageError{{Stage: "timex", Message: "no publication date: relative dates left unresolved"}},
	}
}

func fixtures() []*dyad.Result { return []*dyad.Result{richResult(), sparseResult()} }

func ptr[T any](v T) *T { return &v }

func first(a, _ int) int  { return a }
func second(_, b int) int { return b }
