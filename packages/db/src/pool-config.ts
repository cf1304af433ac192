/**
 * Discrete pg fields from a URL. Prisma's adapter gets these rather than a connection string:
 * with a string, its shadow database connects to the main database instead (TOOLCHAIN.md).
 */
export function poolConfigFromUrl(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, '') || 'postgres',
    max: Number(u.searchParams.get('pool_max') ?? 10),
  };
}
