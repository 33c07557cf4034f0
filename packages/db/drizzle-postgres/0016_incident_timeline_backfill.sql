-- Every incident posted before timelines existed gets one update: its
-- current stage and message, at the time it last changed. A stage outside
-- the four known ones (only possible by hand) reads as investigating.
INSERT INTO "incident_updates" ("incident_id", "stage", "message", "created_at")
SELECT "id",
  CASE WHEN "status" IN ('investigating', 'identified', 'monitoring', 'resolved') THEN "status" ELSE 'investigating' END,
  "message",
  "updated_at"
FROM "service_incidents"
ORDER BY "id";
