package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strconv"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
)

// slowStage sleeps for a time that depends on the article, so that workers
// finish out of order, and records the article ID as an error message.
type slowStage struct{}

func (slowStage) Name() string { return "slow" }
func (slowStage) Process(doc *dyad.Document) error {
	n, _ := strconv.Atoi(doc.Article.ID)
	time.Sleep(time.Duration((n*7919)%5) * time.Millisecond)
	doc.Tokens = append(doc.Tokens, dyad.Token{Text: doc.Article.ID})
	return nil
}

type panicStage struct{}

func (panicStage) Name() string { return "panicky" }
func (panicStage) Process(doc *dyad.Document) error {
	if doc.Article.ID == "3" {
		panic("bad article")
	}
	if doc.Article.ID == "4" {
		return errors.New("cannot")
	}
	return nil
}

func articles(n int, badEvery int) iter.Seq2[*dyad.Article, error] {
	return func(yield func(*dyad.Article, error) bool) {
		for i := range n {
			var a *dyad.Article
			var err error
			if badEvery > 0 && i%badEvery == badEvery-1 {
				err = fmt.Errorf("record %d unreadable", i)
			} else {
				a = &dyad.Article{ID: strconv.Itoa(i), Text: "x"}
			}
			if !yield(a, err) {
				return
			}
		}
	}
}

func TestRunKeepsInputOrder(t *testing.T) {
	for _, workers := range []int{1, 3, 8} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			an := New(Config{Stages: []dyad.Stage{slowStage{}}, Workers: workers})
			var got []string
			err := an.Run(context.Background(), articles(200, 10), func(it Item) error {
				if it.Err != nil {
					got = append(got, "err:"+it.Err.Error())
				} else {
					got = append(got, it.Doc.Tokens[0].Text)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 200 {
				t.Fatalf("got %d items, want 200", len(got))
			}
			for i, g := range got {
				want := strconv.Itoa(i)
				if i%10 == 9 {
					want = fmt.Sprintf("err:record %d unreadable", i)
				}
				if g != want {
					t.Fatalf("item %d = %q, want %q", i, g, want)
				}
			}
			if st := an.Stats(); st.Articles != 180 || len(st.Stages) != 1 || st.Stages[0].Name != "slow" {
				t.Errorf("stats = %+v", st)
			}
		})
	}
}

func TestStageFailuresAreRecorded(t *testing.T) {
	an := New(Config{Stages: []dyad.Stage{panicStage{}, slowStage{}}, Workers: 2})
	errs := map[string][]dyad.StageError{}
	err := an.Run(context.Background(), articles(6, 0), func(it Item) error {
		errs[it.Doc.Article.ID] = it.Doc.Errors
		if len(it.Doc.Tokens) != 1 {
			t.Errorf("article %s: later stage did not run", it.Doc.Article.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if e := errs["3"]; len(e) != 1 || e[0].Stage != "panicky" || e[0].Message != "panic: bad article" {
		t.Errorf("panic not recorded: %+v", e)
	}
	if e := errs["4"]; len(e) != 1 || e[0].Message != "cannot" {
		t.Errorf("error not recorded: %+v", e)
	}
	if e := errs["0"]; len(e) != 0 {
		t.Errorf("unexpected errors: %+v", e)
	}
}

func TestRunStops(t *testing.T) {
	t.Run("emit error", func(t *testing.T) {
		an := New(Config{Stages: []dyad.Stage{slowStage{}}, Workers: 4})
		stop := errors.New("enough")
		n := 0
		err := an.Run(context.Background(), articles(1000, 0), func(Item) error {
			n++
			if n == 5 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || n != 5 {
			t.Fatalf("err = %v after %d items, want %v after 5", err, n, stop)
		}
	})
	t.Run("cancelled context", func(t *testing.T) {
		an := New(Config{Stages: []dyad.Stage{slowStage{}}, Workers: 4})
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		err := an.Run(ctx, articles(100000, 0), func(Item) error {
			n++
			if n == 10 {
				cancel()
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) || n >= 100000 {
			t.Fatalf("err = %v after %d items", err, n)
		}
	})
}
