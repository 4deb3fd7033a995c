package server

import (
	"context"
	"html/template"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/dyadproject/dyad/internal/store"
)

// Timeouts and limits of the http.Server that HTTPServer builds.
const (
	// ReadHeaderTimeout bounds the time to read request headers, against
	// clients that open connections and send nothing.
	ReadHeaderTimeout = 5 * time.Second
	// ReadTimeout bounds the time to read a whole request; requests here have
	// no body.
	ReadTimeout = 10 * time.Second
	// WriteTimeout bounds the time from the end of the request headers to the
	// end of the response. It is longer than DefaultQueryTimeout so that a
	// query that times out still gets its 503 written.
	WriteTimeout = 30 * time.Second
	// IdleTimeout bounds how long a keep-alive connection waits for the next
	// request.
	IdleTimeout = 2 * time.Minute
	// MaxHeaderBytes bounds the request line and headers; the longest
	// accepted search string fits many times over.
	MaxHeaderBytes = 32 << 10
	// DefaultQueryTimeout is the default of Config.QueryTimeout.
	DefaultQueryTimeout = 10 * time.Second
)

// Reader is the part of a store the server uses; every store.Store is one.
type Reader interface {
	Article(ctx context.Context, id string) (store.Record, error)
	Articles(ctx context.Context, q store.ArticleQuery) (store.Page[store.ArticleRow], error)
	Events(ctx context.Context, q store.EventQuery) (store.Page[store.EventRow], error)
	Actors(ctx context.Context, q store.ActorQuery) (store.Page[store.ActorRow], error)
	Quotes(ctx context.Context, q store.QuoteQuery) (store.Page[store.QuoteRow], error)
	Counts(ctx context.Context) (store.Counts, error)
	store.Analyst
}

var _ Reader = store.Store(nil)

// Config configures a Server.
type Config struct {
	// Store answers the queries. Required.
	Store Reader
	// Logger receives request logs (debug) and errors; nil discards them.
	Logger *slog.Logger
	// QueryTimeout bounds each request's work; 0 means DefaultQueryTimeout.
	QueryTimeout time.Duration
}

// Server is dyad's HTTP API. It is safe for concurrent use.
type Server struct {
	store   Reader
	log     *slog.Logger
	timeout time.Duration
	pages   *template.Template
	handler http.Handler
}

// New returns a server over cfg.Store. It panics when cfg.Store is nil,
// which is a programming error.
func New(cfg Config) *Server {
	if cfg.Store == nil {
		panic("server: Config.Store is nil")
	}
	s := &Server{store: cfg.Store, log: cfg.Logger, timeout: cfg.QueryTimeout, pages: pageTemplates()}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.timeout <= 0 {
		s.timeout = DefaultQueryTimeout
	}
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.HandleFunc("GET "+rt.pattern, rt.handler)
	}
	mux.HandleFunc("GET /", s.handleNotFound)
	s.handler = s.recoverPanics(s.logRequests(s.readOnly(s.withTimeout(mux))))
	return s
}

// route is one GET endpoint.
type route struct {
	pattern string
	handler http.HandlerFunc
}

// routes lists every endpoint; api/openapi.yaml describes each of them (a
// test checks both ways).
func (s *Server) routes() []route {
	return []route{
		{"/{$}", s.handleOverview},
		{"/network", s.handleNetwork},
		{"/pair", s.handlePair},
		{"/events", s.handleEventsPage},
		{"/events/{id}", s.handleEventPage},
		{"/actors", s.handleActorsPage},
		{"/actors/{code}", s.handleActorPage},
		{"/articles", s.handleArticlesPage},
		{"/articles/{id...}", s.handleArticlePage},
		{"/quotes", s.handleQuotesPage},
		{"/export/events.gdelt.tsv", s.handleExport("gdelt")},
		{"/export/events.plover.jsonl", s.handleExport("plover")},
		{"/export/events.csv", s.handleExport("csv")},
		{"/healthz", s.handleHealth},
		{"/api/openapi.yaml", s.handleOpenAPI},
		{"/api/stats", s.handleStats},
		{"/api/articles", listHandler(s, articleQuery, s.store.Articles)},
		{"/api/articles/{id...}", s.handleArticle},
		{"/api/events", listHandler(s, eventQuery, s.store.Events)},
		{"/api/cross-events", listHandler(s, eventQuery, s.store.CrossEvents)},
		{"/api/cross-events/{id}", s.handleCrossEvent},
		{"/api/relations", listHandler(s, relationQuery, s.store.Relations)},
		{"/api/partners", listHandler(s, partnerQuery, s.store.Partners)},
		{"/api/actors", listHandler(s, actorQuery, s.store.Actors)},
		{"/api/quotes", listHandler(s, quoteQuery, s.store.Quotes)},
	}
}

// Routes returns the path patterns the server answers, as net/http's
// ServeMux writes them (without the method).
func (s *Server) Routes() []string {
	var out []string
	for _, rt := range s.routes() {
		out = append(out, rt.pattern)
	}
	return out
}

// isPage reports whether r asks for an HTML page rather than JSON, a
// download or the health check, so that its errors are pages too.
func isPage(r *http.Request) bool {
	p := r.URL.Path
	return !strings.HasPrefix(p, "/api/") && !strings.HasPrefix(p, "/export/") && p != "/healthz"
}

// Handler returns the handler of every endpoint.
func (s *Server) Handler() http.Handler { return s.handler }

// HTTPServer returns an http.Server for addr that serves Handler with the
// timeouts and limits above and logs connection errors to the Logger.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.handler,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// readOnly answers 405 to every method but GET and HEAD, before routing, so
// that no path accepts a write.
func (s *Server) readOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			s.writeError(w, r, errorf(http.StatusMethodNotAllowed, "method %s not allowed: the API is read-only", r.Method))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) withTimeout(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// statusWriter records the status a handler wrote, for the request log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		s.log.LogAttrs(r.Context(), slog.LevelDebug, "request", slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.Int("status", sw.status), slog.Duration("duration", time.Since(start)))
	})
}

// recoverPanics turns a handler's panic into a logged 500, keeping the
// connection's other requests alive.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving request", "path", r.URL.Path, "panic", v)
				if isPage(r) {
					s.pageError(w, r, errorf(http.StatusInternalServerError, "internal error"))
				} else {
					s.writeError(w, r, errorf(http.StatusInternalServerError, "internal error"))
				}
			}
		}()
		next.ServeHTTP(w, r)
	})
}
