import puppeteer from 'puppeteer-core';
import http from 'node:http';
const seen = [];
const srv = http.createServer((req, res) => { let body=''; req.on('data', d => body += d); req.on('end', () => { seen.push(req.method + ' ' + req.url.slice(0,60) + ' ' + body.slice(0,1500)); res.statusCode = 502; res.end(); }); });
srv.on('connect', (req, sock) => { seen.push('CONNECT ' + req.url); sock.destroy(); });
await new Promise(r => srv.listen(0, '127.0.0.1', r));
const port = srv.address().port;
const base = ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage', ...process.argv.slice(2)];
const b = await puppeteer.launch({ executablePath: '/usr/lib/chromium/chromium', headless: true, pipe: true, userDataDir: '/tmp/pgtest-profile/p', handleSIGINT:false, handleSIGTERM:false, handleSIGHUP:false, dumpio: !!process.env.DUMPIO, args: [...base, `--proxy-server=127.0.0.1:${port}`, '--proxy-bypass-list=<-loopback>'] });
if (!process.env.NOPAGE) { const p = await b.newPage(); await p.goto('data:text/html,<p>hi</p>'); if (!process.env.NOPDF) await p.pdf(); }
await new Promise(r => setTimeout(r, 5000));
console.log(process.argv.slice(2).join(' '), seen);
await b.close(); srv.close();
