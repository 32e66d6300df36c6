"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DeliveryStats } from "@/server/overview/delivery-stats";

const shortDay = (day: string) => day.slice(5);

export function OrdersPerDayChart({ daily }: { daily: DeliveryStats["daily"] }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={daily} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Legend />
        <Bar dataKey="orders" name="Orders" fill="#4f46e5" />
        <Bar dataKey="held" name="Held back" fill="#f59e0b" />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function LatencyChart({ daily }: { daily: DeliveryStats["daily"] }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={daily} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} fontSize={12} />
        <YAxis unit=" s" fontSize={12} />
        <Tooltip formatter={(value) => `${Number(value).toFixed(1)} s`} />
        <Legend />
        <Line type="monotone" dataKey="p50" name="p50" stroke="#4f46e5" connectNulls dot={false} />
        <Line type="monotone" dataKey="p95" name="p95" stroke="#dc2626" connectNulls dot={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function ChannelDeliveryChart({ channels }: { channels: DeliveryStats["channels"] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, channels.length * 44)}>
      <BarChart data={channels} layout="vertical" margin={{ top: 8, right: 8, bottom: 0, left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} fontSize={12} />
        <YAxis type="category" dataKey="name" width={120} fontSize={12} />
        <Tooltip />
        <Legend />
        <Bar dataKey="delivered" name="Delivered" stackId="a" fill="#16a34a" />
        <Bar dataKey="sent" name="Sent" stackId="a" fill="#4f46e5" />
        <Bar dataKey="failed" name="Failed" stackId="a" fill="#dc2626" />
      </BarChart>
    </ResponsiveContainer>
  );
}
