package dict_test

import (
	"fmt"
	"time"

	"github.com/dyadproject/dyad/internal/dict"
)

func ExampleParse() {
	const actors = `FREEDONIA_ [FRD]
+FREEDONIAN_
RUFUS_T._FIREFLY_
+PRESIDENT_FIREFLY_
	[FRDELI <19330101]
	[FRDGOV >19330101]
MRS_TEASDALE [FRDELI 19200101-19331332]
`
	set, errs, err := dict.Parse("invented.actors.txt", []byte(actors), dict.KindActors)
	if err != nil {
		panic(err)
	}
	for _, a := range set.Actors {
		code, _ := a.CodeOn(time.Date(1935, 6, 1, 0, 0, 0, 0, time.UTC))
		fmt.Printf("%s %q -> %s\n", a.Name(), a.Names[1:], code)
	}
	for _, e := range errs {
		fmt.Println(e)
	}
	// Output:
	// FREEDONIA ["FREEDONIAN"] -> FRD
	// RUFUS T. FIREFLY ["PRESIDENT FIREFLY"] -> FRDGOV
	// invented.actors.txt:7: code [FRDELI 19200101-19331332]: bad date "19331332": no such day; entry skipped
}

func ExampleAgent_Apply() {
	set, _, _ := dict.Parse("invented.agents.txt", []byte("!MINIST! = MINISTER, MINISTRY\nFOREIGN_!MINIST! [~GOVFRM]\nAID_AGENCY [NGO~]\n"), dict.KindAgents)
	for _, a := range set.Agents {
		fmt.Println(a.AllNames(), a.Apply("FRA"))
	}
	// Output:
	// [FOREIGN MINISTER FOREIGN MINISTRY] FRAGOVFRM
	// [AID AGENCY AID AGENCIES] NGOFRA
}
