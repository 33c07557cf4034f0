import { Hono } from "hono";
import type { AppEnv } from "../../platform/app-env.ts";
import { requireStaff } from "../../platform/auth.ts";
import type { AppDeps } from "../../platform/deps.ts";
import {
  showCustomer,
  submitCustomerChange,
  submitNewSubscription,
  submitSubscriptionChange,
} from "./customer.page.tsx";
import { showCustomers, submitNewCustomer } from "./customers-list.page.tsx";

/** Customers and their subscriptions: the partner's business, so admins and agents only. */
export function customersConsole(deps: AppDeps) {
  const router = new Hono<AppEnv>();
  const desk = requireStaff("admin", "agent");
  router.get("/admin/customers", desk, showCustomers(deps));
  router.post("/admin/customers", desk, submitNewCustomer(deps));
  router.get("/admin/customers/:id", desk, showCustomer(deps));
  router.post("/admin/customers/:id", desk, submitCustomerChange(deps));
  router.post("/admin/customers/:id/subscriptions", desk, submitNewSubscription(deps));
  router.post(
    "/admin/customers/:id/subscriptions/:subscriptionId",
    desk,
    submitSubscriptionChange(deps),
  );
  return router;
}
