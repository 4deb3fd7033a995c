// Package queue carries articles between dyad processes over NATS
// JetStream: publishers (`dyad ingest --nats`, `dyad feed`) put read
// articles on a work-queue stream, and any number of workers (`dyad worker`)
// take them, analyze them and store the results.
//
// # Streams
//
// [Setup] creates two streams when they are missing (and leaves existing
// ones as an operator may have tuned them). The work queue (Config.Stream, on
// Config.Subject) has the work-queue retention policy: a message is removed
// once a worker acknowledges it, and each message goes to one worker of the
// shared durable consumer (Config.Consumer). Publishers set the Nats-Msg-Id
// header to the article's content hash, so the stream drops an article
// published twice within its duplicate window (Config.DuplicateWindow). The
// dead-letter stream (Config.DeadStream, on Config.DeadSubject) keeps the
// messages that failed Config.MaxDeliver times, with the error.
//
// # Delivery guarantees
//
// A worker acknowledges a message only after the transaction that stores its
// article has committed. A worker that dies before that leaves the message
// unacknowledged, and JetStream delivers it again after Config.AckWait; a
// store whose writes are idempotent by content hash (every store.Store is)
// then skips an article that was committed but not acknowledged. So each
// article is stored exactly once, whatever process dies when.
//
// A message whose article cannot be decoded, prepared or stored is
// negatively acknowledged with a growing delay and retried; at its
// Config.MaxDeliver-th delivery it is published to the dead-letter subject
// with the error in the Dyad-Error header and terminated, and the other
// messages go on. A store that is down is not the message's fault: the
// worker keeps the batch, tells JetStream it is still working on it, and
// retries with exponential back-off until the store answers (see
// [Worker.Run]).
//
// # Message format
//
// A message body is the JSON of [Message]: the article's text and metadata
// as a reader produced them. The worker runs article.Prepare again, which
// recomputes the dateline and skipped regions and checks the content hash.
package queue
