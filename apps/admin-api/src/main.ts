import { ConfigError, loadConfig } from "./config.ts";
import { startServer } from "./server.ts";

try {
  const config = loadConfig(process.env);
  const server = await startServer(config);
  console.log(`Frontline is running on ${server.url}`);
  console.log(`  database: ${server.database}`);
  console.log(
    server.mailSending
      ? "  mail: sending through SMTP_URL"
      : "  mail: no SMTP_URL set; notifications wait in the outbox",
  );
  console.log(
    config.s3
      ? `  attachments: S3 bucket ${config.s3.bucket} at ${config.s3.endpoint}`
      : "  attachments: in the data folder (ATTACHMENTS_DIR)",
  );
  if (server.inboundSmtpPort !== null) {
    console.log(
      `  inbound mail: SMTP on port ${server.inboundSmtpPort} for ${config.supportAddress} and its reply addresses`,
    );
  }
  console.log(
    config.helpCenterDist
      ? `  help center: ${config.helpCenterDist}`
      : "  help center: not built (run `npm run build`); serving the API only",
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // Ctrl-C reaches this process twice (from the terminal and forwarded by
    // npm); the grace period, not a second signal, bounds the wait.
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing the requests in progress, then stopping`);
    server.close().then(
      () => {
        console.log("Frontline stopped");
        process.exit(0);
      },
      (error: unknown) => {
        console.error("Frontline did not stop cleanly:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
