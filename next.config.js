/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server in server/index.ts serves Next; typecheck and lint run in `npm test`.
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
