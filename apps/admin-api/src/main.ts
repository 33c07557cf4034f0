import { ConfigError, loadConfig } from "./config.ts";
import { startServer } from "./server.ts";

try {
  const config = loadConfig(process.env);
  const server = await startServer(config);
  console.log(`Frontline is running on ${server.url}`);
  console.log(`  database: ${config.databaseUrl}`);
  console.log(
    server.mailSending
      ? "  mail: sending through SMTP_URL"
      : "  mail: no SMTP_URL set; notifications wait in the outbox",
  );
  console.log(
    config.helpCenterDist
      ? `  help center: ${config.helpCenterDist}`
      : "  help center: not built (run `npm run build`); serving the API only",
  );
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
