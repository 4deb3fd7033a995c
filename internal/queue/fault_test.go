package queue_test

// Fault tests: real nats-server (embedded), real PostgreSQL, the real
// pipeline, and processes killed or servers restarted midway. They need
// DYAD_TEST_POSTGRES (and, for the PostgreSQL restart, DYAD_TEST_PGBIN),
// which .ci/run sets, and are skipped under -short.

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/queue"
	"github.com/dyadproject/dyad/internal/store/postgres"
)

// faultURL returns the PostgreSQL server of the fault tests, or skips.
func faultURL(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("fault test: skipped with -short")
	}
	u := os.Getenv("DYAD_TEST_POSTGRES")
	if u == "" {
		t.Skip("DYAD_TEST_POSTGRES is not set: no PostgreSQL server for the fault tests (.ci/run starts one)")
	}
	return u
}

// TestWorkerProcess is the worker that TestFaultKillWorker runs in a child
// process (this test binary, run again); on its own it skips.
func TestWorkerProcess(t *testing.T) {
	natsURL, db := os.Getenv("DYAD_QUEUE_WORKER_NATS"), os.Getenv("DYAD_QUEUE_WORKER_DB")
	if natsURL == "" || db == "" {
		t.Skip("the worker process of TestFaultKillWorker, which runs it")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	st, err := postgres.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := newWorker(t, connect(t, natsURL), st, nil)
	if err := w.Run(ctx); err != nil {
		t.Fatal(err)
	}
}

// startWorkerProcess runs TestWorkerProcess in a child process.
func startWorkerProcess(t *testing.T, natsURL, db string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestWorkerProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DYAD_QUEUE_WORKER_NATS="+natsURL, "DYAD_QUEUE_WORKER_DB="+db)
	cmd.Stderr = os.Stderr // its test verdict on standard output is not ours
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return cmd
}

// queueEmpty reports whether the work queue holds no message.
func queueEmpty(js jetstream.JetStream) (bool, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	s, err := js.Stream(ctx, "DYAD_ARTICLES")
	if err != nil {
		return false, err.Error()
	}
	info, err := s.Info(ctx)
	if err != nil {
		return false, err.Error()
	}
	return info.State.Msgs == 0, fmt.Sprint(info.State.Msgs, " messages queued")
}

// TestFaultKillWorker kills a worker process with SIGKILL midway through
// 2,000 articles; after a new worker has run, every article is stored
// exactly once and the queue is empty. The second worker is stopped with
// SIGTERM and must exit cleanly.
func TestFaultKillWorker(t *testing.T) {
	base := faultURL(t)
	const n = 2000
	ns := startNATS(t)
	js := connect(t, ns.url())
	st, db := pgStore(t, base)
	p, err := queue.NewPublisher(context.Background(), js, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	publishAll(t, p, invented(0, n))

	first := startWorkerProcess(t, ns.url(), db)
	waitFor(t, 3*time.Minute, "the first worker to store 300 articles", func() (bool, string) {
		c := articleCount(st)
		return c >= 300, fmt.Sprint(c, " stored")
	})
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	first.Wait()
	mid := articleCount(st)
	if mid >= n {
		t.Fatalf("the worker stored all %d articles before it was killed: nothing was tested", n)
	}
	t.Logf("killed the worker with %d of %d articles stored", mid, n)

	second := startWorkerProcess(t, ns.url(), db)
	waitFor(t, 5*time.Minute, "every article stored and the queue empty", func() (bool, string) {
		c := articleCount(st)
		empty, state := queueEmpty(js)
		return c == n && empty, fmt.Sprint(c, " stored, ", state)
	})
	if err := second.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := second.Wait(); err != nil {
		t.Errorf("worker stopped by SIGTERM: %v, want a clean exit", err)
	}
	assertStored(t, st, 0, n)
}

// publishRetry publishes arts, retrying each for up to 30s while the server
// restarts.
func publishRetry(t *testing.T, p *queue.Publisher, arts []*dyad.Article) {
	t.Helper()
	for _, a := range arts {
		deadline := time.Now().Add(30 * time.Second)
		for {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			_, err := p.Publish(ctx, a)
			cancel()
			if err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("publish %s: %v", a.ID, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
}

// TestFaultRestartNATS restarts the NATS server while two workers are busy
// and more articles are being published: nothing is lost or stored twice.
func TestFaultRestartNATS(t *testing.T) {
	base := faultURL(t)
	const n = 600
	ns := startNATS(t)
	js := connect(t, ns.url())
	st, _ := pgStore(t, base)
	p, err := queue.NewPublisher(context.Background(), js, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	publishAll(t, p, invented(0, n/2))
	m := queue.NewMetrics(nil)
	runWorkers(t, 2, connect(t, ns.url()), st, m)
	waitFor(t, 3*time.Minute, "60 articles stored", func() (bool, string) {
		c := articleCount(st)
		return c >= 60, fmt.Sprint(c, " stored")
	})
	ns.restart()
	t.Logf("restarted nats-server with %d articles stored", articleCount(st))
	publishRetry(t, p, invented(n/2, n/2))
	waitFor(t, 5*time.Minute, "every article stored and the queue empty", func() (bool, string) {
		c := articleCount(st)
		empty, state := queueEmpty(js)
		return c == n && empty, fmt.Sprint(c, " stored, ", state)
	})
	assertStored(t, st, 0, n)
}

// cluster is a private PostgreSQL cluster that a test may stop and start.
type cluster struct {
	t          *testing.T
	bin, dir   string
	port       int
	runAs      string // OS user that owns the cluster, when not the current one
	extraStart []string
}

// newCluster initializes and starts a cluster in a temporary folder with
// the server programs in DYAD_TEST_PGBIN, run as DYAD_TEST_PGUSER when the
// tests run as root (PostgreSQL refuses root).
func newCluster(t *testing.T) *cluster {
	t.Helper()
	bin := os.Getenv("DYAD_TEST_PGBIN")
	if bin == "" {
		t.Skip("DYAD_TEST_PGBIN is not set: no PostgreSQL programs to start a private cluster (.ci/run sets it)")
	}
	c := &cluster{t: t, bin: bin}
	if os.Geteuid() == 0 {
		c.runAs = os.Getenv("DYAD_TEST_PGUSER")
		if c.runAs == "" || c.runAs == "root" {
			c.runAs = "postgres"
		}
	}
	dir, err := os.MkdirTemp("", "dyad-fault-pg-")
	if err != nil {
		t.Fatal(err)
	}
	c.dir = dir
	t.Cleanup(func() {
		c.pgctl("-m", "immediate", "stop")
		os.RemoveAll(dir)
	})
	if c.runAs != "" {
		u, err := user.Lookup(c.runAs)
		if err != nil {
			t.Fatal(err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c.port = ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	if out, err := c.command(filepath.Join(bin, "initdb"), "-D", c.data(), "-A", "trust", "-U", "postgres").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	c.start()
	return c
}

func (c *cluster) data() string { return filepath.Join(c.dir, "data") }

func (c *cluster) url() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", c.port)
}

func (c *cluster) command(name string, args ...string) *exec.Cmd {
	if c.runAs == "" {
		return exec.Command(name, args...)
	}
	return exec.Command("runuser", append([]string{"-u", c.runAs, "--", name}, args...)...)
}

func (c *cluster) pgctl(args ...string) error {
	all := append([]string{"-D", c.data(), "-w"}, args...)
	out, err := c.command(filepath.Join(c.bin, "pg_ctl"), all...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl %v: %v\n%s", args, err, out)
	}
	return nil
}

func (c *cluster) start() {
	c.t.Helper()
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off", c.port, c.dir)
	if err := c.pgctl("-l", filepath.Join(c.dir, "log"), "-o", opts, "start"); err != nil {
		c.t.Fatal(err)
	}
}

func (c *cluster) stop() {
	c.t.Helper()
	if err := c.pgctl("-m", "fast", "stop"); err != nil {
		c.t.Fatal(err)
	}
}

// TestFaultRestartPostgres stops PostgreSQL for a while under two busy
// workers: they retry with back-off, keep their messages, and catch up
// when it is back, storing every article once.
func TestFaultRestartPostgres(t *testing.T) {
	faultURL(t)
	const n = 600
	pg := newCluster(t)
	ns := startNATS(t)
	js := connect(t, ns.url())
	st, _ := pgStore(t, pg.url())
	p, err := queue.NewPublisher(context.Background(), js, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	publishAll(t, p, invented(0, n))
	m := queue.NewMetrics(nil)
	runWorkers(t, 2, js, st, m)
	waitFor(t, 3*time.Minute, "60 articles stored", func() (bool, string) {
		c := articleCount(st)
		return c >= 60, fmt.Sprint(c, " stored")
	})
	pg.stop()
	// Down for longer than the workers' first back-off steps and than
	// AckWait: the messages must stay theirs while they wait.
	time.Sleep(3 * time.Second)
	pg.start()
	waitFor(t, 5*time.Minute, "every article stored and the queue empty", func() (bool, string) {
		c := articleCount(st)
		empty, state := queueEmpty(js)
		return c == n && empty, fmt.Sprint(c, " stored, ", state)
	})
	assertStored(t, st, 0, n)
	if r := testutil.ToFloat64(m.StoreRetries); r == 0 {
		t.Error("no store retries counted while PostgreSQL was down")
	}
	if f := testutil.ToFloat64(m.Failed); f != 0 {
		t.Errorf("%v failed deliveries: an outage of the store must not count against messages", f)
	}
}
