// The live chat widget for a customer's website: <script src="https://support.example.com/chat/widget.js" async></script>
// It adds a button that opens the chat page (/chat of the address this script came from) in a frame, so
// nothing of the host page reaches the chat and nothing of the chat or the support tool reaches the host.
// The chat page may be framed only by the origins set in escalation.chat.frame-origins.
(function chatWidget() {
  const script = document.currentScript;
  if (!script || !script.src) return;
  const chatUrl = new URL('/chat', script.src).toString();

  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Chat with us';
  button.setAttribute('aria-expanded', 'false');
  Object.assign(button.style, {
    position: 'fixed', right: '1.5rem', bottom: '1.5rem', zIndex: '2147483000', padding: '0.7rem 1.2rem',
    border: '0', borderRadius: '999px', background: '#1f5fbf', color: '#fff', font: '600 15px system-ui, sans-serif',
    cursor: 'pointer', boxShadow: '0 2px 8px rgba(0,0,0,0.25)',
  });

  let frame = null;
  button.addEventListener('click', () => {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = chatUrl;
      frame.title = 'Chat with support';
      Object.assign(frame.style, {
        position: 'fixed', right: '1.5rem', bottom: '5rem', zIndex: '2147483000', width: 'min(24rem, calc(100vw - 3rem))',
        height: 'min(36rem, calc(100vh - 7rem))', border: '0', borderRadius: '12px', background: '#fff',
        boxShadow: '0 4px 16px rgba(0,0,0,0.3)',
      });
      document.body.append(frame);
    } else {
      frame.hidden = !frame.hidden;
    }
    button.setAttribute('aria-expanded', String(!frame.hidden));
  });

  const add = () => document.body.append(button);
  if (document.body) add(); else document.addEventListener('DOMContentLoaded', add);
}());
