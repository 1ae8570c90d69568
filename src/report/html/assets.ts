// Inline style and script of report.html (no network). The script sorts the unit table by a clicked header and
// filters it by text and grade (accent- and case-free: "hoa binh" finds "Hòa Bình"); it reads only the table's own
// cells. The layout fits a 390 px phone: wide tables scroll inside their own box, never the page.
export const HTML_STYLE = `
body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:1.5rem;color:#222;overflow-wrap:anywhere}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#d9e1f2;cursor:pointer}
.title{color:#666;font-size:.8rem}.filters{margin:.5rem 0;display:flex;gap:.5rem}.filters input{flex:1;padding:.3rem}
svg text{font-size:12px}.findings li{margin:.2rem 0}.s-fail strong{color:#c62828}.s-warn strong{color:#b26a00}.s-error strong{color:#1565c0}.s-exempt strong{color:#6a1b9a}
q{color:#555}code{background:#f3f3f3;padding:0 .2rem}article{border-top:1px solid #eee;padding:.3rem 0}
.scroll table{min-width:36rem}svg{max-width:100%;height:auto}.top{position:fixed;right:1rem;bottom:1rem;background:#fff;border:1px solid #ccc;border-radius:1rem;padding:.3rem .7rem;text-decoration:none}
.passed summary{cursor:pointer;color:#2e7d32}@media (max-width:600px){body{margin:.6rem}.filters{flex-direction:column}}
.alerts h2{color:#b71c1c}.alerts table{border:2px solid #c62828}.alerts th{background:#ffcdd2;cursor:default}.alerts td:first-child{white-space:nowrap}.alerts td:nth-child(2),.alerts td:nth-child(3){min-width:8rem}.alerts td:nth-child(4),.alerts td:nth-child(5){min-width:9rem}.alerts td:nth-child(7){font-size:.8rem}.scroll{overflow-x:auto}
figure.shot{margin:.4rem 0}figure.shot img{width:320px;max-width:100%;height:auto;border:1px solid #ccc}figure.shot figcaption{color:#666;font-size:.8rem}
div.load{font-size:.85rem}div.load ul{margin:.2rem 0;padding-left:1.2rem}.load .ok{color:#2e7d32}.load .slow{color:#c62828}
@media print{.filters{display:none}}`;

export const HTML_SCRIPT = `
(function(){
  var table=document.getElementById('units');if(!table)return;
  var body=table.tBodies[0];var q=document.getElementById('q');var grade=document.getElementById('grade');
  function fold(s){return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').replace(/[\\u0111\\u0110]/g,'d').toLowerCase().replace(/\\s+/g,' ');}
  var keys=Array.prototype.map.call(body.rows,function(r){return fold(r.textContent);});
  function apply(){var text=fold(q.value.trim());var g=grade.value;
    Array.prototype.forEach.call(body.rows,function(r){var i=+r.getAttribute('data-i');var ok=(!text||keys[i].indexOf(text)>=0)&&(!g||r.getAttribute('data-grade')===g);r.hidden=!ok;});}
  Array.prototype.forEach.call(body.rows,function(r,i){r.setAttribute('data-i',i);});
  q.addEventListener('input',apply);grade.addEventListener('change',apply);
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th){
    function sort(){var col=+th.getAttribute('data-col');var num=th.getAttribute('data-type')==='num';var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
      Array.prototype.forEach.call(table.tHead.rows[0].cells,function(c){c.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',dir===1?'ascending':'descending');
      var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){var x=a.cells[col].textContent,y=b.cells[col].textContent;
        if(num){var nx=x===''?-1:parseFloat(x),ny=y===''?-1:parseFloat(y);return (nx-ny)*dir;}
        return x.localeCompare(y,'vi')*dir;});
      rows.forEach(function(r){body.appendChild(r);});}
    th.addEventListener('click',sort);th.addEventListener('keydown',function(ev){if(ev.key==='Enter')sort();});
  });
})();`;
