document.addEventListener('click',function(e){if(e.target.classList.contains('btn-accept')){document.getElementById('cookie-banner').remove();}});
