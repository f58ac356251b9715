<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>bundled</name>
    <message>
        <source>Digits (MNIST)</source>
        <translation>숫자 (MNIST)</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>Clothes (Fashion-MNIST)</source>
        <translation>옷 (Fashion-MNIST)</translation>
    </message>
    <message>
        <source>a piece of clothing</source>
        <translation>옷</translation>
    </message>
    <message>
        <source>Clothes</source>
        <translation>옷</translation>
    </message>
    <message>
        <source>no bundled model {name}; choose one of {names}</source>
        <translation>내장 모델 {name}이(가) 없습니다. 다음 중에서 고르세요: {names}</translation>
    </message>
    <message>
        <source>The bundled {name} model is missing from this installation ({path}). Reinstall torchdesk, or train a model and load its checkpoint.</source>
        <translation>이 설치본에 내장 {name} 모델이 없습니다({path}). torchdesk를 다시 설치하거나, 모델을 학습시킨 뒤 그 체크포인트를 불러오세요.</translation>
    </message>
    <message>
        <source>bundled {name} model</source>
        <translation>내장 {name} 모델</translation>
    </message>
</context>
<context>
    <name>checkpoint</name>
    <message>
        <source>The weights do not fit this model.</source>
        <translation>가중치가 이 모델에 맞지 않습니다.</translation>
    </message>
    <message>
        <source>Missing in the file</source>
        <translation>파일에 없음</translation>
    </message>
    <message>
        <source>Not in the model</source>
        <translation>모델에 없음</translation>
    </message>
    <message>
        <source>Different shapes</source>
        <translation>모양이 다름</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> 외 {count}개</translation>
    </message>
    <message>
        <source>{title}: {items}.</source>
        <translation>{title}: {items}.</translation>
    </message>
    <message>
        <source>Choose the model these weights were saved from.</source>
        <translation>이 가중치를 저장한 모델을 고르세요.</translation>
    </message>
    <message>
        <source>This model was opened from a {kind} file to classify with; its weights live inside that file, which torchdesk does not rewrite. Keep or copy the file itself.</source>
        <translation>이 모델은 분류용으로 {kind} 파일에서 열었습니다. 가중치는 그 파일 안에 있으며 torchdesk는 그 파일을 다시 쓰지 않습니다. 파일 자체를 보관하거나 복사하세요.</translation>
    </message>
    <message>
        <source>the plugin that provides it</source>
        <translation>이를 제공하는 플러그인</translation>
    </message>
    <message>
        <source> (version {version} made this file)</source>
        <translation> (버전 {version}에서 만든 파일)</translation>
    </message>
    <message>
        <source>This checkpoint&apos;s {kind} {id} comes from the package {dist}{version}, which is not installed. Install it (pip install {dist}, or Plugins → Install… in the app) and open the file again.</source>
        <translation>이 체크포인트의 {kind} {id}은(는) 설치되지 않은 패키지 {dist}{version}에서 왔습니다. 패키지를 설치한 뒤(pip install {dist} 또는 앱의 플러그인 → 설치…) 파일을 다시 여세요.</translation>
    </message>
    <message>
        <source>This checkpoint&apos;s model {name} was typed in the playground&apos;s Python mode, and the file holds its Python code. Running that code can do anything your account can: open the file in the app and trust it only if you know where it comes from.</source>
        <translation>이 체크포인트의 모델 {name}은(는) 플레이그라운드의 Python 모드에서 작성되었고, 파일에 그 Python 코드가 들어 있습니다. 그 코드를 실행하면 사용자 계정이 할 수 있는 모든 일을 할 수 있습니다. 앱에서 파일을 열고, 출처를 알 때만 신뢰하세요.</translation>
    </message>
    <message>
        <source>A plain state dict does not say which model it belongs to: choose the model and use load_state_dict_into().</source>
        <translation>단순 state dict에는 어느 모델의 것인지 적혀 있지 않습니다. 모델을 고른 뒤 load_state_dict_into()를 사용하세요.</translation>
    </message>
    <message>
        <source>{name} does not record the run settings its model was built with, so the model cannot be rebuilt. Use another file.</source>
        <translation>{name}에는 모델을 만들 때 쓴 실행 설정이 기록되어 있지 않아 모델을 다시 만들 수 없습니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>This file does not hold a state dict (a mapping of names to tensors).</source>
        <translation>이 파일에는 state dict(이름과 텐서의 매핑)가 없습니다.</translation>
    </message>
    <message>
        <source>{key} (file {file_shape}, model {model_shape})</source>
        <translation>{key} (파일 {file_shape}, 모델 {model_shape})</translation>
    </message>
    <message>
        <source>{path} does not exist or is not a file.</source>
        <translation>{path}이(가) 없거나 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>{name} contains pickled Python objects, not only weights (for example a whole model saved with torch.save(model, ...)). Opening it could run code. Open it as a whole model only if you trust where it came from.{asks}</source>
        <translation>{name}에는 가중치뿐 아니라 피클된 Python 객체가 들어 있습니다(예: torch.save(model, ...)로 저장한 모델 전체). 열면 코드가 실행될 수 있습니다. 출처를 신뢰할 때만 모델 전체로 여세요.{asks}</translation>
    </message>
    <message>
        <source>{name} is nested too deeply to be a checkpoint: it is damaged or was made to crash programs that read it. Use another file.</source>
        <translation>{name}은(는) 중첩이 너무 깊어 체크포인트일 수 없습니다. 손상되었거나 읽는 프로그램을 멈추게 하려고 만든 파일입니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>{name} was written by a newer torchdesk (checkpoint format {shown}; this version reads up to {supported}). Update torchdesk to open it.</source>
        <translation>{name}은(는) 더 새로운 torchdesk로 저장되었습니다(체크포인트 형식 {shown}, 이 버전은 {supported}까지 읽음). 열려면 torchdesk를 업데이트하세요.</translation>
    </message>
    <message>
        <source>The weights in {name}</source>
        <translation>{name}의 가중치</translation>
    </message>
    <message>
        <source>{name} is a PyTorch file but not a checkpoint or a state dict (it holds a {type}).</source>
        <translation>{name}은(는) PyTorch 파일이지만 체크포인트나 state dict가 아닙니다({type}이(가) 들어 있음).</translation>
    </message>
    <message>
        <source>{name} is empty, so it could not be read as a checkpoint (its save may have been interrupted). Choose another file.</source>
        <translation>{name}이(가) 비어 있어 체크포인트로 읽을 수 없습니다(저장이 중단되었을 수 있습니다). 다른 파일을 고르세요.</translation>
    </message>
    <message>
        <source>{name} starts like a PyTorch file but its end is missing: it is truncated or damaged (an interrupted copy or download?). Copy it again or choose another file.</source>
        <translation>{name}은(는) PyTorch 파일처럼 시작하지만 끝부분이 없습니다. 잘렸거나 손상되었습니다(복사나 다운로드가 중단되었나요?). 다시 복사하거나 다른 파일을 고르세요.</translation>
    </message>
    <message>
        <source>{name} is not a PyTorch file (it does not start like one).</source>
        <translation>{name}은(는) PyTorch 파일이 아닙니다(시작 부분이 다릅니다).</translation>
    </message>
    <message>
        <source>{name} is a TorchScript export, not a checkpoint: it runs with torch.jit.load or LibTorch. To train or classify in torchdesk, open the checkpoint it came from.</source>
        <translation>{name}은(는) 체크포인트가 아니라 TorchScript 내보내기 파일이며 torch.jit.load나 LibTorch로 실행합니다. torchdesk에서 학습하거나 분류하려면 원본 체크포인트를 여세요.</translation>
    </message>
    <message>
        <source>{name} is a torch.export program (.pt2), not a checkpoint: it runs with torch.export.load. To train or classify in torchdesk, open the checkpoint it came from.</source>
        <translation>{name}은(는) 체크포인트가 아니라 torch.export 프로그램(.pt2)이며 torch.export.load로 실행합니다. torchdesk에서 학습하거나 분류하려면 원본 체크포인트를 여세요.</translation>
    </message>
    <message>
        <source>{name} is a zip archive but not a PyTorch checkpoint (it has no data.pkl). Choose a .pt or .pth file saved with torch.save.</source>
        <translation>{name}은(는) zip 압축 파일이지만 PyTorch 체크포인트가 아닙니다(data.pkl이 없음). torch.save로 저장한 .pt 또는 .pth 파일을 고르세요.</translation>
    </message>
    <message>
        <source>{name} is not a safe checkpoint: it contains the path {member}.</source>
        <translation>{name}은(는) 안전한 체크포인트가 아닙니다. 경로 {member}이(가) 들어 있습니다.</translation>
    </message>
    <message>
        <source>{name} is not a safe checkpoint: its member {member} claims {claimed:,} bytes, more than the {size:,}-byte file can hold.</source>
        <translation>{name}은(는) 안전한 체크포인트가 아닙니다. 항목 {member}이(가) {claimed:,}바이트라고 주장하는데, {size:,}바이트 파일에 담길 수 있는 양보다 많습니다.</translation>
    </message>
    <message>
        <source>{name} is damaged: its contents are broken data, not a checkpoint (nor a pickled model, so trusting it would not help). Copy it again or choose another file.</source>
        <translation>{name}이(가) 손상되었습니다. 내용이 체크포인트가 아닌 깨진 데이터입니다(피클된 모델도 아니므로 신뢰해도 소용없습니다). 다시 복사하거나 다른 파일을 고르세요.</translation>
    </message>
    <message>
        <source>{name} is not a safe checkpoint: its tensors claim {claimed:,} bytes, more than the {size:,}-byte file holds (it is damaged or made to exhaust memory).</source>
        <translation>{name}은(는) 안전한 체크포인트가 아닙니다. 텐서가 {claimed:,}바이트라고 주장하는데, {size:,}바이트 파일에 담긴 양보다 많습니다(손상되었거나 메모리를 고갈시키려고 만든 파일).</translation>
    </message>
    <message>
        <source> It asks for {name}.</source>
        <translation> {name}을(를) 요구합니다.</translation>
    </message>
    <message>
        <source>{name} is not a safe checkpoint: its tensors claim more bytes than the file holds (it is damaged or made to exhaust memory). Nothing was loaded.</source>
        <translation>{name}은(는) 안전한 체크포인트가 아닙니다. 텐서가 파일에 담긴 것보다 많은 바이트를 주장합니다(손상되었거나 메모리를 고갈시키려고 만든 파일). 아무것도 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>{name} is damaged: its archive structure is broken (it was truncated or changed after it was saved). Copy it again or choose another file.</source>
        <translation>{name}이(가) 손상되었습니다. 압축 구조가 깨졌습니다(저장 후 잘리거나 변경됨). 다시 복사하거나 다른 파일을 고르세요.</translation>
    </message>
    <message>
        <source>{name} could not be read as a checkpoint: it may be truncated, damaged or not a PyTorch file ({error}: {detail}).</source>
        <translation>{name}을(를) 체크포인트로 읽을 수 없습니다. 잘렸거나 손상되었거나 PyTorch 파일이 아닐 수 있습니다({error}: {detail}).</translation>
    </message>
    <message>
        <source>{name} is a pickled model. Loading it runs code from the file, which can do anything your account can do. Load it only if you trust its source (pass trust=True / confirm in the app).</source>
        <translation>{name}은(는) 피클된 모델입니다. 불러오면 파일의 코드가 실행되며, 그 코드는 사용자 계정이 할 수 있는 모든 일을 할 수 있습니다. 출처를 신뢰할 때만 불러오세요(trust=True 전달 / 앱에서 확인).</translation>
    </message>
    <message>
        <source>{name} is a whole model whose class is defined in the code that saved it ({detail}), and that code is not available here. Save its weights instead, torch.save(model.state_dict(), ...), and open that file: it opens safely and you choose the model.</source>
        <translation>{name}은(는) 저장한 코드에 클래스가 정의된 모델 전체인데({detail}), 그 코드를 여기서 쓸 수 없습니다. 대신 가중치를 torch.save(model.state_dict(), ...)로 저장해 그 파일을 여세요. 안전하게 열리며 모델은 직접 고릅니다.</translation>
    </message>
    <message>
        <source>{name} holds a {type}, not a model.</source>
        <translation>{name}에는 모델이 아니라 {type}이(가) 들어 있습니다.</translation>
    </message>
    <message>
        <source>The dataset {name} does not say its image size up front; choose one that does (MNIST, Fashion-MNIST, CIFAR-10 …).</source>
        <translation>데이터셋 {name}은(는) 이미지 크기를 미리 알려 주지 않습니다. 크기를 알려 주는 데이터셋을 고르세요(MNIST, Fashion-MNIST, CIFAR-10 …).</translation>
    </message>
    <message>
        <source>The model does not accept {shape} images ({error}: {detail}). Choose the data it was trained on.</source>
        <translation>모델이 {shape} 이미지를 받지 않습니다({error}: {detail}). 모델을 학습시킨 데이터를 고르세요.</translation>
    </message>
    <message>
        <source>The model does not give one score per class for each image, so it cannot classify.</source>
        <translation>모델이 이미지마다 클래스별 점수를 하나씩 내지 않아 분류할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>checkpoint_components</name>
    <message>
        <source>The component records in {name}</source>
        <translation>{name}의 구성 요소 기록</translation>
    </message>
    <message>
        <source>Component record {number} in {name}</source>
        <translation>{name}의 구성 요소 기록 {number}</translation>
    </message>
    <message>
        <source>The {key} of {where}</source>
        <translation>{where}의 {key}</translation>
    </message>
    <message>
        <source>The parameters of {where}</source>
        <translation>{where}의 매개변수</translation>
    </message>
    <message>
        <source>The parameter {param} of {where}</source>
        <translation>{where}의 매개변수 {param}</translation>
    </message>
    <message>
        <source>A parameter name of {where}</source>
        <translation>{where}의 매개변수 이름</translation>
    </message>
    <message>
        <source>{label} (its type)</source>
        <translation>{label} (유형)</translation>
    </message>
    <message>
        <source>{label} has the type {type}, which torchdesk does not know. The file is damaged or from a newer torchdesk; use another file.</source>
        <translation>{label}의 유형 {type}은(는) torchdesk가 모르는 유형입니다. 파일이 손상되었거나 더 새로운 torchdesk에서 만들어졌습니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>{label} should be a {kind} but holds a {type}. The file is damaged; use another file.</source>
        <translation>{label}은(는) {kind}이어야 하지만 {type}이(가) 들어 있습니다. 파일이 손상되었습니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>The {kind} {id} of this file does not accept its stored parameters ({reason}).{note}</source>
        <translation>이 파일의 {kind} {id}이(가) 저장된 매개변수를 받지 않습니다({reason}).{note}</translation>
    </message>
    <message>
        <source>plugin {plugin} ({distribution} {version})</source>
        <translation>플러그인 {plugin} ({distribution} {version})</translation>
    </message>
    <message>
        <source>The {kind} {id} from {origin} could not migrate the parameters this file stored with version {version}: {error}: {detail}</source>
        <translation>{origin}의 {kind} {id}이(가) 이 파일이 버전 {version}으로 저장한 매개변수를 변환하지 못했습니다: {error}: {detail}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>The {kind} {id} from {origin} returned {type} from migrate(); it must return the parameters as a dict by name.</source>
        <translation>{origin}의 {kind} {id}이(가) migrate()에서 {type}을(를) 반환했습니다. 매개변수를 이름별 dict로 반환해야 합니다.</translation>
    </message>
    <message>
        <source> This file was made with plugin {plugin} ({dist}) {made_with}; {installed} is installed. Install the version that made it (pip install &apos;{dist}=={made_with}&apos;), or ask the plugin&apos;s author for a migration from that version.</source>
        <translation> 이 파일은 플러그인 {plugin} ({dist}) {made_with}로 만들었고, 설치된 버전은 {installed}입니다. 만든 버전을 설치하거나(pip install &apos;{dist}=={made_with}&apos;) 플러그인 작성자에게 그 버전에서의 변환 기능을 요청하세요.</translation>
    </message>
    <message>
        <source>This checkpoint&apos;s {kind} {id}</source>
        <translation>이 체크포인트의 {kind} {id}</translation>
    </message>
    <message>
        <source>{what} comes from plugin {origin}, which is switched off. Switch it on with `torchdesk plugins enable {name}` (or tick it in Plugins &gt; Plugins…) and open the file again.</source>
        <translation>{what}은(는) 꺼져 있는 플러그인 {origin}에서 왔습니다. `torchdesk plugins enable {name}`로 켜거나(또는 플러그인 &gt; 플러그인…에서 선택) 파일을 다시 여세요.</translation>
    </message>
    <message>
        <source>{what} was sent from the playground&apos;s Python mode of the session that made this file, and only a model&apos;s code is saved in it. Run its code in Python mode and send it to the panels (Use in panels), then open the file again.</source>
        <translation>{what}은(는) 이 파일을 만든 세션의 플레이그라운드 Python 모드에서 보낸 것이며, 파일에는 모델 코드만 저장됩니다. Python 모드에서 그 코드를 실행해 패널로 보낸(패널에서 사용) 뒤 파일을 다시 여세요.</translation>
    </message>
    <message>
        <source>the plugin that provides it</source>
        <translation>이를 제공하는 플러그인</translation>
    </message>
    <message>
        <source> (version {version} made this file)</source>
        <translation> (버전 {version}에서 만든 파일)</translation>
    </message>
    <message>
        <source>{what} comes from plugin {origin}, which is installed but failed to load: {problem}. Run `torchdesk plugins --traceback` for details.</source>
        <translation>{what}은(는) 플러그인 {origin}에서 왔는데, 설치되어 있지만 불러오지 못했습니다: {problem}. 자세한 내용은 `torchdesk plugins --traceback`을 실행하세요.</translation>
    </message>
    <message>
        <source>{what} comes from the package {dist}{version}, which is not installed. Install it (pip install {dist}, or Plugins → Install… in the app) and open the file again.</source>
        <translation>{what}은(는) 설치되지 않은 패키지 {dist}{version}에서 왔습니다. 패키지를 설치한 뒤(pip install {dist} 또는 앱의 플러그인 → 설치…) 파일을 다시 여세요.</translation>
    </message>
</context>
<context>
    <name>checkpoint_fields</name>
    <message>
        <source>The content of {name}</source>
        <translation>{name}의 내용</translation>
    </message>
    <message>
        <source>{what} holds {count:,} tensors; at most {limit:,} make sense. The file is damaged; use another file.</source>
        <translation>{what}에 텐서가 {count:,}개 있습니다. 많아야 {limit:,}개가 타당합니다. 파일이 손상되었습니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>A parameter name in {what}</source>
        <translation>{what}의 매개변수 이름</translation>
    </message>
    <message>
        <source>{what} is empty; it should list a sample&apos;s sizes, like [1, 28, 28]. The file is damaged; use another file.</source>
        <translation>{what}이(가) 비어 있습니다. [1, 28, 28]처럼 샘플 크기가 있어야 합니다. 파일이 손상되었습니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>{what} is {shape} ({count:,} values per sample), more than the {limit:,} torchdesk handles; building a model for it would exhaust memory. The file is damaged or hostile; use another file.</source>
        <translation>{what}은(는) {shape}(샘플당 값 {count:,}개)로, torchdesk가 다루는 {limit:,}개보다 많습니다. 이에 맞춰 모델을 만들면 메모리가 고갈됩니다. 파일이 손상되었거나 악의적입니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>{what} id</source>
        <translation>{what} id</translation>
    </message>
    <message>
        <source>{what} parameters</source>
        <translation>{what} 매개변수</translation>
    </message>
    <message>
        <source>A parameter name of {what}</source>
        <translation>{what}의 매개변수 이름</translation>
    </message>
    <message>
        <source>{what} parameter {key}</source>
        <translation>{what} 매개변수 {key}</translation>
    </message>
    <message>
        <source>The run settings in {name}</source>
        <translation>{name}의 실행 설정</translation>
    </message>
    <message>
        <source>{what} has {count:,} entries; a run has about twenty. The file is damaged; use another file.</source>
        <translation>{what}에 항목이 {count:,}개 있습니다. 실행 설정은 스무 개 정도입니다. 파일이 손상되었습니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>A setting name in {name}</source>
        <translation>{name}의 설정 이름</translation>
    </message>
    <message>
        <source>The setting {key} in {name}</source>
        <translation>{name}의 설정 {key}</translation>
    </message>
    <message>
        <source>{what} cannot be read: {reason}. The file was written by another program or version; use another file.</source>
        <translation>{what}을(를) 읽을 수 없습니다: {reason}. 다른 프로그램이나 버전에서 저장한 파일입니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>The training history in {name}</source>
        <translation>{name}의 학습 기록</translation>
    </message>
    <message>
        <source>{what} (its epochs)</source>
        <translation>{what} (에폭)</translation>
    </message>
    <message>
        <source>Epoch record {number} in {name}</source>
        <translation>{name}의 에폭 기록 {number}</translation>
    </message>
    <message>
        <source>A key of epoch record {number} in {name}</source>
        <translation>{name}의 에폭 기록 {number}의 키</translation>
    </message>
    <message>
        <source>{key} of epoch record {number} in {name}</source>
        <translation>{name}의 에폭 기록 {number}의 {key}</translation>
    </message>
    <message>
        <source>{what} (its confusion matrix)</source>
        <translation>{what} (혼동 행렬)</translation>
    </message>
    <message>
        <source>{what} (a confusion matrix row)</source>
        <translation>{what} (혼동 행렬의 행)</translation>
    </message>
    <message>
        <source>{what} (its batch losses)</source>
        <translation>{what} (배치 손실)</translation>
    </message>
    <message>
        <source>A batch loss in {name}</source>
        <translation>{name}의 배치 손실</translation>
    </message>
    <message>
        <source>The format version of {name}</source>
        <translation>{name}의 형식 버전</translation>
    </message>
    <message>
        <source>{name} is damaged: it has no model weights. Use another file.</source>
        <translation>{name}이(가) 손상되었습니다. 모델 가중치가 없습니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>The model weights in {name}</source>
        <translation>{name}의 모델 가중치</translation>
    </message>
    <message>
        <source>The optimizer state in {name}</source>
        <translation>{name}의 옵티마이저 상태</translation>
    </message>
    <message>
        <source>The epoch count in {name}</source>
        <translation>{name}의 에폭 수</translation>
    </message>
    <message>
        <source>The class names in {name}</source>
        <translation>{name}의 클래스 이름</translation>
    </message>
    <message>
        <source>The input shape in {name}</source>
        <translation>{name}의 입력 모양</translation>
    </message>
    <message>
        <source>The metrics in {name}</source>
        <translation>{name}의 지표</translation>
    </message>
    <message>
        <source>A metric name in {name}</source>
        <translation>{name}의 지표 이름</translation>
    </message>
    <message>
        <source>The metric {key} in {name}</source>
        <translation>{name}의 지표 {key}</translation>
    </message>
    <message>
        <source>The created in {name}</source>
        <translation>{name}의 생성 시각</translation>
    </message>
    <message>
        <source>The torchdesk version in {name}</source>
        <translation>{name}의 torchdesk 버전</translation>
    </message>
    <message>
        <source>The torch version in {name}</source>
        <translation>{name}의 torch 버전</translation>
    </message>
    <message>
        <source>The plugin records in {name}</source>
        <translation>{name}의 플러그인 기록</translation>
    </message>
    <message>
        <source>A plugin kind in {name}</source>
        <translation>{name}의 플러그인 종류</translation>
    </message>
    <message>
        <source>The {kind} plugin record in {name}</source>
        <translation>{name}의 {kind} 플러그인 기록</translation>
    </message>
    <message>
        <source>A key of the {kind} plugin record in {name}</source>
        <translation>{name}의 {kind} 플러그인 기록의 키</translation>
    </message>
    <message>
        <source>{key} of the {kind} plugin record in {name}</source>
        <translation>{name}의 {kind} 플러그인 기록의 {key}</translation>
    </message>
    <message>
        <source>The {kind} plugin id in {name}</source>
        <translation>{name}의 {kind} 플러그인 id</translation>
    </message>
</context>
<context>
    <name>checkpoint_index</name>
    <message>
        <source>(state dict)</source>
        <translation>(state dict)</translation>
    </message>
    <message>
        <source>A plain state dict: choose the model to load it into.</source>
        <translation>단순 state dict입니다. 불러올 모델을 고르세요.</translation>
    </message>
    <message>
        <source>{name} could not be read ({reason}). It may be damaged; the other files are not affected.</source>
        <translation>{name}을(를) 읽을 수 없습니다({reason}). 손상되었을 수 있습니다. 다른 파일에는 영향이 없습니다.</translation>
    </message>
</context>
<context>
    <name>compatibility</name>
    <message>
        <source>other data</source>
        <translation>다른 데이터</translation>
    </message>
    <message>
        <source>The model was trained on {dataset}</source>
        <translation>이 모델은 {dataset}(으)로 학습했습니다</translation>
    </message>
    <message>
        <source>{what} and predicts {model_count} classes; {data} has {data_count}.</source>
        <translation>{what}. 클래스 {model_count}개를 예측하지만 {data}에는 {data_count}개가 있습니다.</translation>
    </message>
    <message>
        <source>{what} ({model_classes}); {data}&apos;s classes are different ({data_classes}), so its answers would be names of the wrong things.</source>
        <translation>{what}({model_classes}). {data}의 클래스는 다르므로({data_classes}) 모델의 답은 엉뚱한 것의 이름이 됩니다.</translation>
    </message>
    <message>
        <source>{what} on {model_channels}-channel images; {data} has {data_channels}-channel images.</source>
        <translation>{what}({model_channels}채널 이미지). {data}은(는) {data_channels}채널 이미지입니다.</translation>
    </message>
</context>
<context>
    <name>data</name>
    <message>
        <source>{dataset} was not found in {folder}.</source>
        <translation>{folder}에서 {dataset}을(를) 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>Expected these files (the layout torchvision uses):</source>
        <translation>다음 파일이 있어야 합니다(torchvision이 쓰는 배치):</translation>
    </message>
    <message>
        <source>Put the files there, or choose the folder that already holds them (--data-dir DIR, or Choose folder… in the app).</source>
        <translation>파일을 그곳에 두거나, 이미 파일이 있는 폴더를 고르세요(--data-dir DIR 또는 앱의 폴더 선택…).</translation>
    </message>
    <message>
        <source> With a network connection, torchdesk can also download them (--download).</source>
        <translation> 네트워크에 연결되어 있으면 torchdesk가 내려받을 수도 있습니다(--download).</translation>
    </message>
    <message>
        <source>The download did not succeed (no network?).</source>
        <translation>다운로드에 실패했습니다(네트워크 연결이 없나요?).</translation>
    </message>
    <message>
        <source>The download failed: {reason}</source>
        <translation>다운로드 실패: {reason}</translation>
    </message>
    <message>
        <source>{dataset} in {folder} could not be read ({error}: {detail}). The files may be truncated or damaged: delete them and download or copy them again.</source>
        <translation>{folder}의 {dataset}을(를) 읽을 수 없습니다({error}: {detail}). 파일이 잘렸거나 손상되었을 수 있습니다. 삭제한 뒤 다시 내려받거나 복사하세요.</translation>
    </message>
    <message>
        <source>{transform} (target)</source>
        <translation>{transform} (정답)</translation>
    </message>
    <message>
        <source>Normalize is set to &apos;auto&apos; but {dataset} has no known {key}. Enter the values (the Data panel computes them for any dataset).</source>
        <translation>Normalize가 &apos;auto&apos;로 설정되어 있지만 {dataset}의 {key} 값이 알려져 있지 않습니다. 값을 입력하세요(데이터 패널에서 어떤 데이터셋이든 계산할 수 있습니다).</translation>
    </message>
    <message>
        <source>{dataset} in {folder} has no training samples.</source>
        <translation>{folder}의 {dataset}에 학습 샘플이 없습니다.</translation>
    </message>
    <message>
        <source>{dataset} in {folder} has a label of {label:,}; labels are class numbers from 0 to {highest:,}. Check the dataset&apos;s labels.</source>
        <translation>{folder}의 {dataset}에 정답 {label:,}이(가) 있습니다. 정답은 0부터 {highest:,}까지의 클래스 번호입니다. 데이터셋의 정답을 확인하세요.</translation>
    </message>
</context>
<context>
    <name>dataset_stats</name>
    <message>
        <source>labels must be class indices 0..N-1, found {label}</source>
        <translation>정답은 클래스 번호 0..N-1이어야 하는데 {label}이(가) 있습니다</translation>
    </message>
    <message>
        <source>labels must be class indices 0 to {highest:,}, found {label:,}; check the dataset&apos;s labels</source>
        <translation>정답은 클래스 번호 0부터 {highest:,}까지여야 하는데 {label:,}이(가) 있습니다. 데이터셋의 정답을 확인하세요</translation>
    </message>
    <message>
        <source>mean {mean}, std {std}</source>
        <translation>평균 {mean}, 표준편차 {std}</translation>
    </message>
    <message>
        <source>the dataset is empty: there is nothing to measure</source>
        <translation>데이터셋이 비어 있어 측정할 것이 없습니다</translation>
    </message>
    <message>
        <source>The current model expects {want} images but this dataset has {got}; pick a dataset the model was trained for. ({reason})</source>
        <translation>현재 모델은 {want} 이미지를 받지만 이 데이터셋은 {got}입니다. 모델을 학습시킨 데이터셋을 고르세요. ({reason})</translation>
    </message>
</context>
<context>
    <name>describe</name>
    <message>
        <source>  from plugin {plugin}</source>
        <translation>  플러그인 {plugin} 제공</translation>
    </message>
    <message>
        <source>  (no description)</source>
        <translation>  (설명 없음)</translation>
    </message>
    <message>
        <source>  migrates checkpoints made with its earlier versions</source>
        <translation>  이전 버전으로 만든 체크포인트를 변환함</translation>
    </message>
    <message>
        <source>  parameters: none</source>
        <translation>  매개변수: 없음</translation>
    </message>
    <message>
        <source>  parameters:</source>
        <translation>  매개변수:</translation>
    </message>
    <message>
        <source> one of {choices}</source>
        <translation> 선택: {choices}</translation>
    </message>
    <message>
        <source> in [{low}, {high}]</source>
        <translation> 범위 [{low}, {high}]</translation>
    </message>
    <message>
        <source>{name} ({type}{bounds}, default {default}){help}</source>
        <translation>{name} ({type}{bounds}, 기본값 {default}){help}</translation>
    </message>
</context>
<context>
    <name>download</name>
    <message>
        <source>download of {name} cancelled</source>
        <translation>{name} 다운로드 취소됨</translation>
    </message>
    <message>
        <source>{dataset} cannot be downloaded: it is made of your own files.</source>
        <translation>{dataset}은(는) 사용자 파일로 이루어져 있어 내려받을 수 없습니다.</translation>
    </message>
    <message>
        <source>download cancelled</source>
        <translation>다운로드 취소됨</translation>
    </message>
    <message>
        <source>The download failed (no network connection?): {detail}</source>
        <translation>다운로드에 실패했습니다(네트워크 연결이 없나요?): {detail}</translation>
    </message>
</context>
<context>
    <name>evaluate</name>
    <message>
        <source>the batch size must be a whole number of at least 1, got {value}</source>
        <translation>배치 크기는 1 이상의 정수여야 하는데 {value}이(가) 주어졌습니다</translation>
    </message>
    <message>
        <source>{name} is a plain state dict: it does not record a dataset to test on.</source>
        <translation>{name}은(는) 단순 state dict라서 테스트할 데이터셋이 기록되어 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>torch.export program</source>
        <translation>torch.export 프로그램</translation>
    </message>
    <message>
        <source>A torch.export ExportedProgram: the graph and weights, loadable with torch.export.load. The first export of a session takes a few seconds more while PyTorch loads its tracer.</source>
        <translation>torch.export ExportedProgram: 그래프와 가중치이며 torch.export.load로 불러올 수 있습니다. 세션의 첫 내보내기는 PyTorch가 트레이서를 불러오느라 몇 초 더 걸립니다.</translation>
    </message>
    <message>
        <source>TorchScript</source>
        <translation>TorchScript</translation>
    </message>
    <message>
        <source>A traced TorchScript module for torch.jit.load and LibTorch (C++). Deprecated: since PyTorch 2.14 torch.jit.trace warns &apos;Please switch to torch.compile or torch.export&apos;; prefer .pt2.</source>
        <translation>torch.jit.load와 LibTorch(C++)용으로 트레이스한 TorchScript 모듈입니다. 지원 중단됨: PyTorch 2.14부터 torch.jit.trace가 &apos;Please switch to torch.compile or torch.export&apos; 경고를 냅니다. .pt2를 권장합니다.</translation>
    </message>
    <message>
        <source>deprecated in PyTorch 2.14</source>
        <translation>PyTorch 2.14에서 지원 중단</translation>
    </message>
    <message>
        <source>ONNX</source>
        <translation>ONNX</translation>
    </message>
    <message>
        <source>An ONNX graph for ONNX Runtime and other engines (needs the onnx extra: pip install &apos;torchdesk[onnx]&apos;).</source>
        <translation>ONNX Runtime 등의 엔진용 ONNX 그래프입니다(onnx 추가 기능 필요: pip install &apos;torchdesk[onnx]&apos;).</translation>
    </message>
    <message>
        <source>safetensors weights</source>
        <translation>safetensors 가중치</translation>
    </message>
    <message>
        <source>The weights only, in the safetensors format (safe to open anywhere, no code).</source>
        <translation>safetensors 형식의 가중치만 담습니다(어디서 열어도 안전하며 코드 없음).</translation>
    </message>
    <message>
        <source>Exported {format} to {name} ({size:.2f} MB); verified on {samples} samples: largest difference from the eager model {diff:.2e} (tolerance {tolerance:.0e}).</source>
        <translation>{format}(으)로 {name}에 내보냈습니다({size:.2f} MB). 샘플 {samples}개로 검증: 즉시 실행 모델과의 최대 차이 {diff:.2e} (허용 오차 {tolerance:.0e}).</translation>
    </message>
    <message>
        <source>unknown export format {format}; choose one of {formats}</source>
        <translation>알 수 없는 내보내기 형식 {format}입니다. 다음 중에서 고르세요: {formats}</translation>
    </message>
    <message>
        <source>ONNX export needs {packages}, which is not installed. Install them with: pip install &apos;torchdesk[onnx]&apos; onnxscript</source>
        <translation>ONNX 내보내기에는 {packages}이(가) 필요한데 설치되어 있지 않습니다. 다음으로 설치하세요: pip install &apos;torchdesk[onnx]&apos; onnxscript</translation>
    </message>
    <message>
        <source>ONNX export needs {packages}, which are not installed. Install them with: pip install &apos;torchdesk[onnx]&apos; onnxscript</source>
        <translation>ONNX 내보내기에는 {packages}이(가) 필요한데 설치되어 있지 않습니다. 다음으로 설치하세요: pip install &apos;torchdesk[onnx]&apos; onnxscript</translation>
    </message>
    <message>
        <source>Export needs a batch of sample inputs shaped (N, …) to verify the exported model.</source>
        <translation>내보낸 모델을 검증하려면 (N, …) 모양의 샘플 입력 배치가 필요합니다.</translation>
    </message>
    <message>
        <source>The exported {format} file could not be read back and run: {error}: {detail}</source>
        <translation>내보낸 {format} 파일을 다시 읽어 실행할 수 없습니다: {error}: {detail}</translation>
    </message>
    <message>
        <source>The {format} export does not match the model: its outputs differ by up to {diff:.3g} (tolerance {tolerance:.0e}). The file was not kept.</source>
        <translation>{format} 내보내기가 모델과 일치하지 않습니다. 출력이 최대 {diff:.3g}만큼 다릅니다(허용 오차 {tolerance:.0e}). 파일을 남기지 않았습니다.</translation>
    </message>
    <message>
        <source>The model could not be copied for export: {reason}</source>
        <translation>내보내기용으로 모델을 복사할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The export gives outputs shaped {exported}, the model {model}. The file was not kept.</source>
        <translation>내보낸 파일의 출력 모양은 {exported}, 모델은 {model}입니다. 파일을 남기지 않았습니다.</translation>
    </message>
    <message>
        <source>{format} cannot express the operation {operation} that this model uses, so it cannot be exported this way. Export it as a torch.export program (.pt2) or TorchScript instead.</source>
        <translation>{format}(으)로는 이 모델이 쓰는 연산 {operation}을(를) 표현할 수 없어 이 방식으로 내보낼 수 없습니다. 대신 torch.export 프로그램(.pt2)이나 TorchScript로 내보내세요.</translation>
    </message>
    <message>
        <source>{format} export failed: {error}: {detail}. The model may use operations this format does not support; try another format.</source>
        <translation>{format} 내보내기 실패: {error}: {detail}. 모델이 이 형식에서 지원하지 않는 연산을 쓸 수 있습니다. 다른 형식을 시도하세요.</translation>
    </message>
</context>
<context>
    <name>idx_format</name>
    <message>
        <source>Delete it and download or copy it again.</source>
        <translation>삭제한 뒤 다시 내려받거나 복사하세요.</translation>
    </message>
    <message>
        <source>{path} could not be read: it is not a whole gzip file ({reason}), so it is truncated or damaged. {fix}</source>
        <translation>{path}을(를) 읽을 수 없습니다. 온전한 gzip 파일이 아니므로({reason}) 잘렸거나 손상되었습니다. {fix}</translation>
    </message>
    <message>
        <source>{path} could not be read: it does not start like an IDX file (the MNIST format), so it is damaged or not a data file. {fix}</source>
        <translation>{path}을(를) 읽을 수 없습니다. IDX 파일(MNIST 형식)처럼 시작하지 않으므로 손상되었거나 데이터 파일이 아닙니다. {fix}</translation>
    </message>
    <message>
        <source>{path} could not be read: it ends inside its header, so it is truncated or damaged. {fix}</source>
        <translation>{path}을(를) 읽을 수 없습니다. 헤더 중간에서 끝나므로 잘렸거나 손상되었습니다. {fix}</translation>
    </message>
    <message>
        <source>{path} could not be read: its header declares {shape} values ({declared:,} bytes) but the file holds {held:,} bytes of them, so it is truncated or damaged. {fix}</source>
        <translation>{path}을(를) 읽을 수 없습니다. 헤더에는 값 {shape}개({declared:,}바이트)가 선언되어 있지만 파일에는 {held:,}바이트만 있으므로 잘렸거나 손상되었습니다. {fix}</translation>
    </message>
    <message>
        <source>{path} could not be read: its header declares {shape} values ({declared:,} bytes), more than any data set in this format holds (at most {limit:,} bytes), so it is damaged. {fix}</source>
        <translation>{path}을(를) 읽을 수 없습니다. 헤더에 선언된 값 {shape}개({declared:,}바이트)는 이 형식의 어떤 데이터셋보다도 많으므로(최대 {limit:,}바이트) 손상되었습니다. {fix}</translation>
    </message>
    <message>
        <source>{path} could not be read: its header declares {shape} values ({declared:,} bytes) but only {held:,} bytes of them are there, so it is truncated or damaged. {fix}</source>
        <translation>{path}을(를) 읽을 수 없습니다. 헤더에는 값 {shape}개({declared:,}바이트)가 선언되어 있지만 {held:,}바이트만 있으므로 잘렸거나 손상되었습니다. {fix}</translation>
    </message>
    <message>
        <source>{path} could not be read: it holds more data than its header declares ({shape}), so it is damaged. {fix}</source>
        <translation>{path}을(를) 읽을 수 없습니다. 헤더에 선언된 것({shape})보다 데이터가 많으므로 손상되었습니다. {fix}</translation>
    </message>
</context>
<context>
    <name>image_limits</name>
    <message>
        <source>{label} is {width}×{height} pixels, too large to open safely (at most {limit:,} pixels, about {side:,}×{side:,}). Shrink it in an image editor, or use another file.</source>
        <translation>{label}은(는) {width}×{height} 픽셀로, 안전하게 열기에는 너무 큽니다(최대 {limit:,} 픽셀, 약 {side:,}×{side:,}). 이미지 편집기에서 줄이거나 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>The image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>{label} is not a regular file (a pipe, socket or device); use an image file.</source>
        <translation>{label}은(는) 일반 파일이 아닙니다(파이프, 소켓 또는 장치). 이미지 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>{label} declares more than {declared:,} pixels, too large to open safely (at most {limit:,}). Shrink it in an image editor, or use another file.</source>
        <translation>{label}은(는) {declared:,} 픽셀 이상으로 선언되어 안전하게 열기에는 너무 큽니다(최대 {limit:,}). 이미지 편집기에서 줄이거나 다른 파일을 사용하세요.</translation>
    </message>
</context>
<context>
    <name>inspect</name>
    <message>
        <source>Shapes unknown: the sample did not pass through the model ({error}: {detail}).</source>
        <translation>모양을 알 수 없음: 샘플이 모델을 통과하지 못했습니다({error}: {detail}).</translation>
    </message>
    <message>
        <source>The sample forward pass failed part-way ({error}: {detail}); the graph shows the layers reached before the error.</source>
        <translation>샘플 순전파가 도중에 실패했습니다({error}: {detail}). 그래프에는 오류 전까지 도달한 계층이 표시됩니다.</translation>
    </message>
    <message>
        <source>{count} operation</source>
        <translation>연산 {count}개</translation>
    </message>
    <message>
        <source>{count} operations</source>
        <translation>연산 {count}개</translation>
    </message>
    <message>
        <source>model {id} returned {type}, not an nn.Module</source>
        <translation>모델 {id}이(가) nn.Module이 아니라 {type}을(를) 반환했습니다</translation>
    </message>
    <message>
        <source>scalar</source>
        <translation>스칼라</translation>
    </message>
    <message>
        <source>depthwise</source>
        <translation>depthwise</translation>
    </message>
    <message>
        <source>groups {count}</source>
        <translation>그룹 {count}</translation>
    </message>
    <message>
        <source>{count} channels</source>
        <translation>{count}채널</translation>
    </message>
    <message>
        <source>to {size}</source>
        <translation>→ {size}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>일부</translation>
    </message>
    <message>
        <source>Input: {input}   Output: {output}</source>
        <translation>입력: {input}   출력: {output}</translation>
    </message>
    <message>
        <source>Parameters: {total:,} ({trainable:,} trainable, {frozen:,} frozen)</source>
        <translation>매개변수: {total:,}개 (학습 가능 {trainable:,}, 고정 {frozen:,})</translation>
    </message>
    <message>
        <source>Parameter memory: {size}</source>
        <translation>매개변수 메모리: {size}</translation>
    </message>
    <message>
        <source> (+ {size} of buffers)</source>
        <translation> (+ 버퍼 {size})</translation>
    </message>
    <message>
        <source>Multiply-accumulates per sample: {count} (convolutions and linear layers)</source>
        <translation>샘플당 곱셈-누산: {count} (합성곱 및 선형 계층)</translation>
    </message>
    <message>
        <source>The sample forward pass failed: {error}</source>
        <translation>샘플 순전파 실패: {error}</translation>
    </message>
    <message>
        <source>{module} has no parameters.</source>
        <translation>{module}에는 매개변수가 없습니다.</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>mean {mean:+.4f}  std {std:.4f}  min {min:+.4f}  max {max:+.4f}</source>
        <translation>평균 {mean:+.4f}  표준편차 {std:.4f}  최소 {min:+.4f}  최대 {max:+.4f}</translation>
    </message>
    <message>
        <source>   (frozen)</source>
        <translation>   (고정)</translation>
    </message>
    <message>
        <source>... and {count} more tensors</source>
        <translation>... 외 텐서 {count}개</translation>
    </message>
</context>
<context>
    <name>model_file_readers</name>
    <message>
        <source>{what} claims {size:,} bytes, more than a model description holds.</source>
        <translation>{what}이(가) {size:,}바이트라고 주장하는데, 모델 설명으로는 너무 많습니다.</translation>
    </message>
    <message>
        <source>{what} is nested too deeply to be a model description.</source>
        <translation>{what}은(는) 중첩이 너무 깊어 모델 설명일 수 없습니다.</translation>
    </message>
    <message>
        <source>{what} is not valid JSON ({reason}).</source>
        <translation>{what}은(는) 올바른 JSON이 아닙니다({reason}).</translation>
    </message>
    <message>
        <source>{what} is not a tensor size.</source>
        <translation>{what}은(는) 텐서 크기가 아닙니다.</translation>
    </message>
    <message>
        <source>tensor {name}</source>
        <translation>텐서 {name}</translation>
    </message>
    <message>
        <source>the sizes of tensor {name}</source>
        <translation>텐서 {name}의 크기</translation>
    </message>
    <message>
        <source>a size of tensor {name}</source>
        <translation>텐서 {name}의 크기 하나</translation>
    </message>
    <message>
        <source>{name} looks like a torch.export archive but has no program description (models/model.json).</source>
        <translation>{name}은(는) torch.export 압축 파일처럼 보이지만 프로그램 설명(models/model.json)이 없습니다.</translation>
    </message>
    <message>
        <source>{name}&apos;s program description</source>
        <translation>{name}의 프로그램 설명</translation>
    </message>
    <message>
        <source>the program description</source>
        <translation>프로그램 설명</translation>
    </message>
    <message>
        <source>the program&apos;s graph_module</source>
        <translation>프로그램의 graph_module</translation>
    </message>
    <message>
        <source>the program&apos;s graph</source>
        <translation>프로그램의 그래프</translation>
    </message>
    <message>
        <source>the graph&apos;s nodes</source>
        <translation>그래프의 노드</translation>
    </message>
    <message>
        <source>the graph&apos;s tensor_values</source>
        <translation>그래프의 tensor_values</translation>
    </message>
    <message>
        <source>the program&apos;s signature</source>
        <translation>프로그램의 시그니처</translation>
    </message>
    <message>
        <source>the signature&apos;s inputs</source>
        <translation>시그니처의 입력</translation>
    </message>
    <message>
        <source>an input of the signature</source>
        <translation>시그니처의 입력 하나</translation>
    </message>
    <message>
        <source>a parameter name</source>
        <translation>매개변수 이름</translation>
    </message>
    <message>
        <source>a graph node</source>
        <translation>그래프 노드</translation>
    </message>
    <message>
        <source>a node&apos;s operation</source>
        <translation>노드의 연산</translation>
    </message>
    <message>
        <source>a node&apos;s outputs</source>
        <translation>노드의 출력</translation>
    </message>
    <message>
        <source>a node&apos;s inputs</source>
        <translation>노드의 입력</translation>
    </message>
    <message>
        <source>The program does not record which module each operation came from, so the table lists the whole program only.</source>
        <translation>프로그램에 각 연산이 어느 모듈에서 왔는지 기록되어 있지 않아 표에는 프로그램 전체만 표시됩니다.</translation>
    </message>
    <message>
        <source>Opening ONNX files needs the optional onnx package, which is not installed. Install it with pip install onnx (or pip install &apos;torchdesk[onnx]&apos;) and open the file again.</source>
        <translation>ONNX 파일을 열려면 선택 패키지 onnx가 필요한데 설치되어 있지 않습니다. pip install onnx(또는 pip install &apos;torchdesk[onnx]&apos;)로 설치한 뒤 파일을 다시 여세요.</translation>
    </message>
    <message>
        <source>{name} is not a readable ONNX model: it is damaged or another kind of file ({error}: {detail}).</source>
        <translation>{name}은(는) 읽을 수 있는 ONNX 모델이 아닙니다. 손상되었거나 다른 종류의 파일입니다({error}: {detail}).</translation>
    </message>
    <message>
        <source>{name} has {count:,} operations, more than torchdesk shows.</source>
        <translation>{name}에는 연산이 {count:,}개 있어 torchdesk가 표시할 수 있는 것보다 많습니다.</translation>
    </message>
    <message>
        <source>Its weights are stored in separate files beside it; they were not read (counts come from the shapes).</source>
        <translation>가중치가 옆의 별도 파일에 저장되어 있어 읽지 않았습니다(개수는 모양에서 계산).</translation>
    </message>
    <message>
        <source>The module has no forward graph.</source>
        <translation>모듈에 forward 그래프가 없습니다.</translation>
    </message>
</context>
<context>
    <name>model_files</name>
    <message>
        <source>torchdesk checkpoint</source>
        <translation>torchdesk 체크포인트</translation>
    </message>
    <message>
        <source>state dict (weights only)</source>
        <translation>state dict (가중치만)</translation>
    </message>
    <message>
        <source>TorchScript module</source>
        <translation>TorchScript 모듈</translation>
    </message>
    <message>
        <source>torch.export program</source>
        <translation>torch.export 프로그램</translation>
    </message>
    <message>
        <source>ONNX model</source>
        <translation>ONNX 모델</translation>
    </message>
    <message>
        <source>pickled whole model</source>
        <translation>피클된 모델 전체</translation>
    </message>
    <message>
        <source>Model files (*.pt *.pth *.pt2 *.onnx *.ts *.bin *.ckpt);;All files (*)</source>
        <translation>모델 파일 (*.pt *.pth *.pt2 *.onnx *.ts *.bin *.ckpt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>(model)</source>
        <translation>(모델)</translation>
    </message>
    <message>
        <source>{path} does not exist or is not a file.</source>
        <translation>{path}이(가) 없거나 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>{name} is empty, so it holds no model (its save may have been interrupted).</source>
        <translation>{name}이(가) 비어 있어 모델이 없습니다(저장이 중단되었을 수 있습니다).</translation>
    </message>
    <message>
        <source>{name} is damaged or not a model file: {reason}</source>
        <translation>{name}이(가) 손상되었거나 모델 파일이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>{name} is damaged: its archive structure is broken (it was truncated or changed after it was saved). Copy it again or choose another file.</source>
        <translation>{name}이(가) 손상되었습니다. 압축 구조가 깨졌습니다(저장 후 잘리거나 변경됨). 다시 복사하거나 다른 파일을 고르세요.</translation>
    </message>
    <message>
        <source>{name} is not a safe model file: it contains the path {member}.</source>
        <translation>{name}은(는) 안전한 모델 파일이 아닙니다. 경로 {member}이(가) 들어 있습니다.</translation>
    </message>
    <message>
        <source>{name} is not a safe model file: its member {member} claims {claimed:,} bytes, more than the {size:,}-byte file holds.</source>
        <translation>{name}은(는) 안전한 모델 파일이 아닙니다. 항목 {member}이(가) {claimed:,}바이트라고 주장하는데, {size:,}바이트 파일에 담긴 양보다 많습니다.</translation>
    </message>
    <message>
        <source>{name} is not a safe model file: its member {member} would unpack to {claimed:,} bytes.</source>
        <translation>{name}은(는) 안전한 모델 파일이 아닙니다. 항목 {member}의 압축을 풀면 {claimed:,}바이트가 됩니다.</translation>
    </message>
    <message>
        <source>Read from the program&apos;s own description; nothing in the file was run. Using it in Classify loads it with torch.export.load, which can run code from the file: only after you trust it.</source>
        <translation>프로그램 자체의 설명에서 읽었으며 파일의 어떤 것도 실행하지 않았습니다. 분류에서 사용하면 torch.export.load로 불러오는데, 이는 파일의 코드를 실행할 수 있으므로 신뢰한 뒤에만 가능합니다.</translation>
    </message>
    <message>
        <source>{name} could not be loaded as a torch.export program ({error}: {detail}). It may come from another PyTorch version or be damaged.</source>
        <translation>{name}을(를) torch.export 프로그램으로 불러올 수 없습니다({error}: {detail}). 다른 PyTorch 버전에서 만들었거나 손상되었을 수 있습니다.</translation>
    </message>
    <message>
        <source>TorchScript modules cannot be hooked, so only the whole model&apos;s output shape is known.</source>
        <translation>TorchScript 모듈에는 훅을 걸 수 없어 모델 전체의 출력 모양만 알 수 있습니다.</translation>
    </message>
    <message>
        <source>A {shape} sample did not pass through: {error}: {detail}</source>
        <translation>{shape} 샘플이 통과하지 못했습니다: {error}: {detail}</translation>
    </message>
    <message>
        <source>The file does not say its input shape: give one (--input-shape C,H,W) to see the output shape.</source>
        <translation>파일에 입력 모양이 없습니다. 출력 모양을 보려면 입력 모양을 지정하세요(--input-shape C,H,W).</translation>
    </message>
    <message>
        <source>{name} is not a usable TorchScript file: it names Python objects TorchScript does not know ({detail}). Nothing in it was run. It is damaged or was made to attack programs that read it.</source>
        <translation>{name}은(는) 쓸 수 있는 TorchScript 파일이 아닙니다. TorchScript가 모르는 Python 객체를 가리킵니다({detail}). 아무것도 실행하지 않았습니다. 손상되었거나 읽는 프로그램을 공격하려고 만든 파일입니다.</translation>
    </message>
    <message>
        <source>{name} is damaged: it could not be read as TorchScript ({detail}). Copy it again or choose another file.</source>
        <translation>{name}이(가) 손상되었습니다. TorchScript로 읽을 수 없습니다({detail}). 다시 복사하거나 다른 파일을 고르세요.</translation>
    </message>
    <message>
        <source>ONNX files are shown, not run: to classify, open the model&apos;s .pt2 or TorchScript export.</source>
        <translation>ONNX 파일은 보여 주기만 하고 실행하지 않습니다. 분류하려면 모델의 .pt2 또는 TorchScript 내보내기 파일을 여세요.</translation>
    </message>
    <message>
        <source>There is no dataset {id}; see `torchdesk plugins` for the installed ones.</source>
        <translation>데이터셋 {id}이(가) 없습니다. 설치된 데이터셋은 `torchdesk plugins`에서 확인하세요.</translation>
    </message>
    <message>
        <source>The file does not say its input shape; shapes are for a 1×28×28 image (choose a dataset or give --input-shape to change it).</source>
        <translation>파일에 입력 모양이 없어 1×28×28 이미지 기준 모양을 표시합니다(바꾸려면 데이터셋을 고르거나 --input-shape를 지정하세요).</translation>
    </message>
    <message>
        <source>A state dict holds only weights: choose the model it was saved from (and its dataset) to see its layers, shapes and graph.</source>
        <translation>state dict에는 가중치만 있습니다. 계층, 모양, 그래프를 보려면 저장한 모델(과 데이터셋)을 고르세요.</translation>
    </message>
    <message>
        <source>{name} must be trusted before it can classify: loading a torch.export program can run code from the file.</source>
        <translation>{name}(으)로 분류하려면 먼저 신뢰해야 합니다. torch.export 프로그램을 불러오면 파일의 코드가 실행될 수 있습니다.</translation>
    </message>
    <message>
        <source>Open the model&apos;s .pt2 or TorchScript export instead.</source>
        <translation>대신 모델의 .pt2 또는 TorchScript 내보내기 파일을 여세요.</translation>
    </message>
    <message>
        <source>Choose the model it belongs to first.</source>
        <translation>먼저 이 파일이 속한 모델을 고르세요.</translation>
    </message>
    <message>
        <source>{name} is a {kind}; it cannot classify here. {advice}</source>
        <translation>{name}은(는) {kind}이므로 여기서 분류할 수 없습니다. {advice}</translation>
    </message>
    <message>
        <source>{name} does not take images: its input is {shape}, not channels × height × width. Choose the dataset it was made for.</source>
        <translation>{name}은(는) 이미지를 받지 않습니다. 입력이 채널 × 높이 × 너비가 아니라 {shape}입니다. 모델을 만든 데이터셋을 고르세요.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>The model in {name} does not accept {shape} images ({error}: {detail}), so it cannot classify them.</source>
        <translation>{name}의 모델이 {shape} 이미지를 받지 않아({error}: {detail}) 분류할 수 없습니다.</translation>
    </message>
    <message>
        <source>The model in {name} does not give one score per class for each image (it returns {value}), so it cannot classify.</source>
        <translation>{name}의 모델이 이미지마다 클래스별 점수를 하나씩 내지 않아({value} 반환) 분류할 수 없습니다.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>계층</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>출력 모양</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Input: {input}   Output: {output}</source>
        <translation>입력: {input}   출력: {output}</translation>
    </message>
    <message>
        <source>Parameters: {count:,}   Graph: {nodes} nodes, {edges} edges</source>
        <translation>매개변수: {count:,}개   그래프: 노드 {nodes}개, 간선 {edges}개</translation>
    </message>
    <message>
        <source>Classes ({count}): {names}</source>
        <translation>클래스 ({count}개): {names}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>참고: {note}</translation>
    </message>
    <message>
        <source>--input-shape expects one sample&apos;s shape such as 1,28,28 (channels, height, width), got {value}.</source>
        <translation>--input-shape에는 1,28,28(채널, 높이, 너비)처럼 샘플 하나의 모양이 필요한데 {value}이(가) 주어졌습니다.</translation>
    </message>
</context>
<context>
    <name>model_fit</name>
    <message>
        <source>its forward fails on {shape} images: {error}</source>
        <translation>{shape} 이미지에서 forward가 실패합니다: {error}</translation>
    </message>
    <message>
        <source>its forward returns {what}, not one row of class scores per image</source>
        <translation>forward가 이미지마다 클래스 점수 한 행이 아니라 {what}을(를) 반환합니다</translation>
    </message>
    <message>
        <source>a tensor of shape {shape}</source>
        <translation>모양이 {shape}인 텐서</translation>
    </message>
    <message>
        <source>it gives {outputs} scores per image, and the dataset has {classes} classes</source>
        <translation>이미지마다 점수 {outputs}개를 내지만 데이터셋의 클래스는 {classes}개입니다</translation>
    </message>
</context>
<context>
    <name>preprocess</name>
    <message>
        <source>Nothing drawn: there is no ink to classify.</source>
        <translation>그린 것이 없습니다. 분류할 획이 없습니다.</translation>
    </message>
    <message>
        <source>unknown mode {mode}; use one of {modes}</source>
        <translation>알 수 없는 모드 {mode}입니다. 다음 중 하나를 쓰세요: {modes}</translation>
    </message>
    <message>
        <source>The image has no pixels.</source>
        <translation>이미지에 픽셀이 없습니다.</translation>
    </message>
    <message>
        <source>The image is blank: it is one flat colour with nothing to classify.</source>
        <translation>이미지가 비어 있습니다. 단색이라 분류할 것이 없습니다.</translation>
    </message>
    <message>
        <source>{label} does not exist. Choose an existing image file.</source>
        <translation>{label}이(가) 없습니다. 있는 이미지 파일을 고르세요.</translation>
    </message>
    <message>
        <source>{label} is a folder, not an image file.</source>
        <translation>{label}은(는) 이미지 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>{label} cannot be read (permission denied).</source>
        <translation>{label}을(를) 읽을 수 없습니다(권한 거부됨).</translation>
    </message>
    <message>
        <source>{label} is not an image torchdesk can read. Use a PNG, JPEG, BMP, GIF, TIFF or WebP file.</source>
        <translation>{label}은(는) torchdesk가 읽을 수 있는 이미지가 아닙니다. PNG, JPEG, BMP, GIF, TIFF 또는 WebP 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>{label} looks like an image but is damaged or cut short ({reason}). Try another file or re-save it.</source>
        <translation>{label}은(는) 이미지처럼 보이지만 손상되었거나 잘렸습니다({reason}). 다른 파일을 쓰거나 다시 저장하세요.</translation>
    </message>
    <message>
        <source>The pasted data</source>
        <translation>붙여 넣은 데이터</translation>
    </message>
</context>
<context>
    <name>safe_pickle</name>
    <message>
        <source>refusing to load {name}: a dataset file should hold only data, and this one asks to run code</source>
        <translation>{name}을(를) 불러오지 않습니다: 데이터셋 파일에는 데이터만 있어야 하는데 이 파일은 코드 실행을 요구합니다</translation>
    </message>
</context>
<context>
    <name>safe_write</name>
    <message>
        <source>a folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>이름 있는 파이프(FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>소켓</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>일반 파일이 아님</translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}. Choose another file.</source>
        <translation>{path}에 쓸 수 없습니다: {reason}. 다른 파일을 고르세요.</translation>
    </message>
    <message>
        <source>{path} is {kind}, not a regular file, so torchdesk will not write to it (it would be replaced). Choose a file name in a folder you can write to; nothing was changed.</source>
        <translation>{path}은(는) 일반 파일이 아니라 {kind}이므로 torchdesk가 쓰지 않습니다(대체될 수 있음). 쓸 수 있는 폴더의 파일 이름을 고르세요. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>{folder} is not a folder, so {name} cannot be written there. Choose another location.</source>
        <translation>{folder}은(는) 폴더가 아니므로 그곳에 {name}을(를) 쓸 수 없습니다. 다른 위치를 고르세요.</translation>
    </message>
    <message>
        <source> ({free:,.1f} MB free, {needed:,.1f} MB needed)</source>
        <translation> (여유 {free:,.1f} MB, 필요 {needed:,.1f} MB)</translation>
    </message>
    <message>
        <source> ({free:,.1f} MB free)</source>
        <translation> (여유 {free:,.1f} MB)</translation>
    </message>
    <message>
        <source>The disk is full{free}: {name} could not be written to {folder}. Free some space (or choose another folder) and try again; nothing was overwritten.</source>
        <translation>디스크가 가득 찼습니다{free}. {folder}에 {name}을(를) 쓸 수 없습니다. 공간을 확보하거나(또는 다른 폴더를 고르고) 다시 시도하세요. 아무것도 덮어쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>Another save to {name} has been running for over {seconds:.0f} s, so this one gave up; nothing was overwritten. Try again when it has finished.</source>
        <translation>{name}에 대한 다른 저장이 {seconds:.0f}초 넘게 진행 중이라 이번 저장을 포기했습니다. 아무것도 덮어쓰지 않았습니다. 그 저장이 끝나면 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Could not lock {name} beside the file to write: {reason}. Remove it or choose another folder; nothing was overwritten.</source>
        <translation>저장할 파일 옆의 {name}을(를) 잠글 수 없습니다: {reason}. 그 파일을 지우거나 다른 폴더를 고르세요. 아무것도 덮어쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>{path} is not a regular file, so it cannot serve as the save&apos;s lock. Remove it or choose another folder; nothing was overwritten.</source>
        <translation>{path}은(는) 일반 파일이 아니어서 저장 잠금으로 쓸 수 없습니다. 그 파일을 지우거나 다른 폴더를 고르세요. 아무것도 덮어쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. Choose another folder or free some space; the previous file is unchanged.</source>
        <translation>{path}에 쓸 수 없습니다: {reason}. 다른 폴더를 고르거나 공간을 확보하세요. 이전 파일은 그대로입니다.</translation>
    </message>
</context>
<context>
    <name>safetensors</name>
    <message>
        <source>These weights cannot be stored as safetensors: {reason}</source>
        <translation>이 가중치는 safetensors로 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>safetensors stores tensors only; {name} is a {type}.</source>
        <translation>safetensors에는 텐서만 저장됩니다. {name}은(는) {type}입니다.</translation>
    </message>
    <message>
        <source>{name} is not a regular file; choose a .safetensors file.</source>
        <translation>{name}은(는) 일반 파일이 아닙니다. .safetensors 파일을 고르세요.</translation>
    </message>
    <message>
        <source>{name} is too short to be a safetensors file.</source>
        <translation>{name}은(는) safetensors 파일이기에는 너무 짧습니다.</translation>
    </message>
    <message>
        <source>{name} is not a valid safetensors file (its header claims {claimed:,} bytes, the file has {size:,}).</source>
        <translation>{name}은(는) 올바른 safetensors 파일이 아닙니다(헤더는 {claimed:,}바이트라고 주장하지만 파일은 {size:,}바이트).</translation>
    </message>
    <message>
        <source>The file is damaged or hostile; use another file.</source>
        <translation>파일이 손상되었거나 악의적입니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>{name}: the byte ranges of its tensors do not line up (two share bytes, leave a gap or run past the end; read naively, one stored byte could become gigabytes). {damaged}</source>
        <translation>{name}: 텐서들의 바이트 범위가 맞지 않습니다(두 텐서가 바이트를 공유하거나, 틈이 있거나, 끝을 넘어감. 그대로 읽으면 저장된 1바이트가 기가바이트가 될 수 있음). {damaged}</translation>
    </message>
    <message>
        <source>{name}: a tensor&apos;s shape and type need more or fewer bytes than it stores, or they lie outside the file. {damaged}</source>
        <translation>{name}: 텐서의 모양과 유형에 필요한 바이트가 저장된 양과 다르거나 파일 밖에 있습니다. {damaged}</translation>
    </message>
    <message>
        <source>{name} has an unreadable safetensors header ({detail}). {damaged}</source>
        <translation>{name}의 safetensors 헤더를 읽을 수 없습니다({detail}). {damaged}</translation>
    </message>
    <message>
        <source>{name} could not be read as safetensors: {detail}. {damaged}</source>
        <translation>{name}을(를) safetensors로 읽을 수 없습니다: {detail}. {damaged}</translation>
    </message>
</context>
<context>
    <name>sample_source</name>
    <message>
        <source>Sample {index} could not be read: {reason}</source>
        <translation>샘플 {index}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Sample {index} could not be read ({error}: {detail}). The file may be damaged or not an image: replace or remove it.</source>
        <translation>샘플 {index}을(를) 읽을 수 없습니다({error}: {detail}). 파일이 손상되었거나 이미지가 아닐 수 있습니다. 바꾸거나 지우세요.</translation>
    </message>
</context>
<context>
    <name>untrusted</name>
    <message>
        <source>a tensor</source>
        <translation>텐서</translation>
    </message>
    <message>
        <source>a number, text, true/false or nothing</source>
        <translation>숫자, 텍스트, 참/거짓 또는 없음</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>a {type} of shape [{dims}] ({dtype})</source>
        <translation>모양 [{dims}]의 {type} ({dtype})</translation>
    </message>
    <message>
        <source>{what} is nested more than {depth} levels deep, which no file torchdesk writes does; the file is damaged or was made to hang programs that read it. Use another file.</source>
        <translation>{what}의 중첩이 {depth}단계보다 깊습니다. torchdesk가 쓰는 파일은 그렇지 않습니다. 파일이 손상되었거나 읽는 프로그램을 멈추게 하려고 만든 것입니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>{what} holds more than {count:,} values, far more than a real one does; the file is damaged. Use another file.</source>
        <translation>{what}에 값이 {count:,}개보다 많아 실제 파일보다 훨씬 많습니다. 파일이 손상되었습니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>{what} should be {wanted} but holds {value}. {fix}</source>
        <translation>{what}은(는) {wanted}이어야 하지만 {value}이(가) 들어 있습니다. {fix}</translation>
    </message>
    <message>
        <source>The file is damaged or was not written by torchdesk; use another file or save it again.</source>
        <translation>파일이 손상되었거나 torchdesk가 쓴 파일이 아닙니다. 다른 파일을 사용하거나 다시 저장하세요.</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>between {low:,} and {high:,}</source>
        <translation>{low:,}에서 {high:,} 사이</translation>
    </message>
    <message>
        <source>at least {low:,}</source>
        <translation>{low:,} 이상</translation>
    </message>
    <message>
        <source>at most {high:,}</source>
        <translation>{high:,} 이하</translation>
    </message>
    <message>
        <source>{what} is {number:,}; it should be {bounds}. {fix}</source>
        <translation>{what}은(는) {number:,}입니다. {bounds}여야 합니다. {fix}</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>{what} is {length:,} characters long; at most {limit:,} make sense. {fix}</source>
        <translation>{what}의 길이가 {length:,}자입니다. 많아야 {limit:,}자가 타당합니다. {fix}</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>{what} has {count:,} items; at most {limit:,} make sense. {fix}</source>
        <translation>{what}에 항목이 {count:,}개 있습니다. 많아야 {limit:,}개가 타당합니다. {fix}</translation>
    </message>
    <message>
        <source>a table of named values</source>
        <translation>이름 붙은 값의 표</translation>
    </message>
    <message>
        <source>{what} repeats parts of itself so often that reading it would take more than {count:,} steps; the file is damaged or was made to hang programs that read it. Use another file.</source>
        <translation>{what}은(는) 자기 일부를 너무 자주 반복해서 읽는 데 {count:,}단계보다 많이 걸립니다. 파일이 손상되었거나 읽는 프로그램을 멈추게 하려고 만든 것입니다. 다른 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>{what} contains itself, which no file torchdesk writes does; the file is damaged or was made to hang programs that read it. Use another file.</source>
        <translation>{what}이(가) 자기 자신을 담고 있습니다. torchdesk가 쓰는 파일은 그렇지 않습니다. 파일이 손상되었거나 읽는 프로그램을 멈추게 하려고 만든 것입니다. 다른 파일을 사용하세요.</translation>
    </message>
</context>
</TS>
