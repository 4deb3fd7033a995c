package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/dyadproject/dyad/internal/server"
	"github.com/dyadproject/dyad/internal/store"
	"github.com/dyadproject/dyad/internal/store/postgres"
)

func runServe(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("serve", "[flags]", `
Serve the web pages and the JSON API over a database filled by 'dyad ingest'.
The server is read-only. Pages: / (overview), /network, /pair, /events,
/actors, /articles, /quotes; downloads under /export/; the API under /api/,
described by /api/openapi.yaml. Stop it with Ctrl-C.`, io)
	db := fs.String("db", "dyad.db", "SQLite database `file`, or a postgres:// URL")
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address` (host:port)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if _, err := os.Stat(*db); err != nil && !postgres.IsURL(*db) {
		return fmt.Errorf("open database %s: %w (fill it with 'dyad ingest' first)", *db, err)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	return serve(ctx, st, *addr, io)
}

// serve runs the API server over st until ctx is done.
func serve(ctx context.Context, st store.Store, addr string, io stdio) error {
	logger := slog.New(slog.NewJSONHandler(io.err, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv := server.New(server.Config{Store: st, Logger: logger}).HTTPServer(addr)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	fmt.Fprintf(io.err, "dyad: serving http://%s (Ctrl-C to stop)\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
