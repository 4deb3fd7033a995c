// Package pgtest gives tests a PostgreSQL schema of their own on the server
// named by DYAD_TEST_POSTGRES (.ci/run starts a private one on loopback), so
// that tests running at once do not see each other's rows.
package pgtest

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvVar names the server the tests use.
const EnvVar = "DYAD_TEST_POSTGRES"

// URL returns the test server's URL, or skips the test when there is none.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(EnvVar)
	if u == "" {
		t.Skip(EnvVar + " is not set: no PostgreSQL server to test against (.ci/run starts one)")
	}
	return u
}

var seq atomic.Int64

// Schema creates a new schema, named from prefix, the process and a
// counter, on the server at base, and drops it when the test ends; the drop
// retries for up to 30 seconds, since a test may have restarted the server.
func Schema(t testing.TB, base, prefix string) string {
	t.Helper()
	ctx := context.Background()
	schema := fmt.Sprintf("%s_%d_%d_%d", prefix, os.Getpid(), time.Now().UnixNano()%1e9, seq.Add(1))
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to %s: %v", EnvVar, err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		for {
			c, err := pgx.Connect(ctx, base)
			if err == nil {
				_, err = c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
				c.Close(ctx)
			}
			if err == nil || ctx.Err() != nil {
				if err != nil {
					t.Errorf("drop schema %s: %v", schema, err)
				}
				return
			}
			time.Sleep(200 * time.Millisecond)
		}
	})
	return schema
}
