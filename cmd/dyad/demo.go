package main

import (
	"context"
	"fmt"

	"github.com/dyadproject/dyad/internal/article"
	"github.com/dyadproject/dyad/internal/export"
	"github.com/dyadproject/dyad/internal/store/sqlite"
)

func runDemo(ctx context.Context, args []string, io stdio) error {
	fs := newFlags("demo", "[flags]", `
Analyze the sample news embedded in dyad (20 invented stories), print a summary
of each, store them in a database and serve the web pages (the country network,
timelines, annotated articles) and the API over it until Ctrl-C. With
--serve=false it stops after storing.`, io)
	db := fs.String("db", "dyad-demo.db", "SQLite database `file` for the sample")
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address` (host:port)")
	doServe := fs.Bool("serve", true, "serve the database after storing the sample")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("demo takes no PATH; use 'dyad ingest' for your own news")
	}
	in := inputFlags{sample: true, maxBytes: article.DefaultMaxBytes}
	opt, err := in.options(nil, io)
	if err != nil {
		return err
	}
	an, err := in.analyzer(io)
	if err != nil {
		return err
	}
	st, err := sqlite.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	table, err := export.New("table", io.out)
	if err != nil {
		return err
	}
	stats, err := ingest(ctx, an, st, in.articles(ctx, nil, opt), 100, io, table.Write)
	if cerr := table.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(io.err, "dyad demo: %d sample articles analyzed: %d added to %s, %d already there\n",
		stats.read, stats.Added, *db, stats.Skipped)
	if !*doServe {
		return nil
	}
	return serve(ctx, st, *addr, io)
}
