package dict

import (
	"errors"
	"testing"
)

func TestOptionsSet(t *testing.T) {
	o := DefaultOptions()
	if !o.RequireDyad || o.CommaEMax != 8 || o.CommaBMax != 0 {
		t.Fatalf("defaults %+v", o)
	}
	for _, c := range []struct{ opt, val string }{{"require_dyad", "FALSE"}, {"comma_emax", " 0"}, {"comma_bmin", "3"}} {
		if err := o.Set(c.opt, c.val); err != nil {
			t.Fatal(err)
		}
	}
	if o.RequireDyad || o.CommaEMax != 0 || o.CommaBMin != 3 {
		t.Errorf("after Set: %+v", o)
	}
	if err := o.Set("require_dyad", "True"); err != nil || !o.RequireDyad {
		t.Errorf("require_dyad True: %v %+v", err, o)
	}
	if err := o.Set("comma_max", "six"); err == nil {
		t.Error("comma_max six: no error")
	}
	if err := o.Set("stop_on_error", "True"); !errors.Is(err, ErrUnknownOption) {
		t.Errorf("stop_on_error: error %v", err)
	}
	if err := o.Set("new_actor_length", "4"); err != nil || o.NewActorLength != 4 {
		t.Errorf("new_actor_length 4: %v %+v", err, o)
	}
}
