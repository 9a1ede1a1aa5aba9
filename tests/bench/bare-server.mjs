// The baseline: the simplest possible Node HTTP server, measured beside the platform on the same machine.
import http from 'node:http';

const port = Number(process.env.PORT ?? 4398);
http
  .createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
  })
  .listen(port, '127.0.0.1', () => console.log(`bare server on ${port}`));
