<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>사용법: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>위치 인수</translation>
    </message>
    <message>
        <source>options</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>이 도움말을 보여 주고 종료</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: 오류: %(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>인수 %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>잘못된 선택: %(value)r (%(choices)s 중에서 고르세요)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>잘못된 %(type)s 값: %(value)r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>다음 인수가 필요합니다: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>알 수 없는 인수: %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>인수 하나가 필요합니다</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>인수는 최대 하나입니다</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>인수가 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>모호한 옵션: %(option)s은(는) %(matches)s 중 어느 것일 수도 있습니다</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>명시한 인수 %r을(를) 무시했습니다</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>인수 %s와(과) 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>인수 %s 중 하나가 필요합니다</translation>
    </message>
</context>
<context>
    <name>autosave</name>
    <message>
        <source>Could not take the epoch {epoch} snapshot: {reason}</source>
        <translation>에폭 {epoch}의 스냅샷을 만들 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Autosave after epoch {epoch} failed: {reason}</source>
        <translation>에폭 {epoch} 후 자동 저장에 실패했습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>callbacks</name>
    <message>
        <source>a callback asked to stop</source>
        <translation>콜백이 중지를 요청했습니다</translation>
    </message>
    <message>
        <source>in its callback</source>
        <translation>콜백 실행</translation>
    </message>
    <message>
        <source>a callable callback(event, control)</source>
        <translation>호출 가능한 callback(event, control)</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{flag} expects NAME=VALUE, got {item}</source>
        <translation>{flag}에는 NAME=VALUE가 필요한데 {item}이(가) 주어졌습니다</translation>
    </message>
    <message>
        <source>a run file (Export run… in the app); flags override it</source>
        <translation>실행 파일(앱의 실행 내보내기…); 플래그가 그 값을 덮어씁니다</translation>
    </message>
    <message>
        <source>dataset id (see `torchdesk plugins`), default fashion-mnist</source>
        <translation>데이터셋 id(`torchdesk plugins` 참고), 기본값 fashion-mnist</translation>
    </message>
    <message>
        <source>model id, default cnn</source>
        <translation>모델 id, 기본값 cnn</translation>
    </message>
    <message>
        <source>optimizer id, default adamw</source>
        <translation>옵티마이저 id, 기본값 adamw</translation>
    </message>
    <message>
        <source>loss id, default cross-entropy</source>
        <translation>손실 함수 id, 기본값 cross-entropy</translation>
    </message>
    <message>
        <source>epochs to train (default 5)</source>
        <translation>학습할 에폭 수(기본값 5)</translation>
    </message>
    <message>
        <source>samples per batch (default 64; with adamw, the model&apos;s own: 256 for mlp)</source>
        <translation>배치 크기(기본값 64; adamw에서는 모델 고유값: mlp는 256)</translation>
    </message>
    <message>
        <source>learning rate (default 1e-3; with adamw, the model&apos;s own: 3e-3 for mlp)</source>
        <translation>학습률(기본값 1e-3; adamw에서는 모델 고유값: mlp는 3e-3)</translation>
    </message>
    <message>
        <source>learning-rate scheduler id: cosine (default), constant, step, one-cycle or a plugin&apos;s</source>
        <translation>학습률 스케줄러 id: cosine(기본값), constant, step, one-cycle 또는 플러그인의 것</translation>
    </message>
    <message>
        <source>set a scheduler parameter (repeatable), e.g. gamma=0.5</source>
        <translation>스케줄러 매개변수 설정(반복 가능), 예: gamma=0.5</translation>
    </message>
    <message>
        <source>a training callback, e.g. early-stopping:patience=2 (repeatable)</source>
        <translation>학습 콜백, 예: early-stopping:patience=2 (반복 가능)</translation>
    </message>
    <message>
        <source>a test metric computed each epoch, e.g. top5-accuracy or macro-f1 (repeatable)</source>
        <translation>에폭마다 계산하는 테스트 지표, 예: top5-accuracy 또는 macro-f1 (반복 가능)</translation>
    </message>
    <message>
        <source>auto, cpu, cuda, cuda:N or mps (default auto)</source>
        <translation>auto, cpu, cuda, cuda:N 또는 mps (기본값 auto)</translation>
    </message>
    <message>
        <source>auto: bf16 or fp16 mixed precision where the hardware has it, else fp32 (default for a new run; a run file or checkpoint keeps its own); fp32: full precision; bf16/fp16: refused where the hardware lacks them</source>
        <translation>auto: 하드웨어가 지원하면 bf16 또는 fp16 혼합 정밀도, 아니면 fp32 (새 실행의 기본값; 실행 파일이나 체크포인트는 자체 설정 유지); fp32: 완전 정밀도; bf16/fp16: 하드웨어가 지원하지 않으면 거부</translation>
    </message>
    <message>
        <source>train on exactly N CPU threads (default: measured while training; OMP_NUM_THREADS also fixes it)</source>
        <translation>정확히 N개의 CPU 스레드로 학습(기본값: 학습 중 측정; OMP_NUM_THREADS로도 고정 가능)</translation>
    </message>
    <message>
        <source>random seed for a repeatable run (default 0)</source>
        <translation>재현 가능한 실행을 위한 난수 시드(기본값 0)</translation>
    </message>
    <message>
        <source>folder holding the datasets (torchvision&apos;s layout)</source>
        <translation>데이터셋이 있는 폴더(torchvision 구조)</translation>
    </message>
    <message>
        <source>download the dataset if missing</source>
        <translation>데이터셋이 없으면 내려받기</translation>
    </message>
    <message>
        <source>checkpoint file to write at the end (and after each epoch)</source>
        <translation>끝에(그리고 에폭마다) 저장할 체크포인트 파일</translation>
    </message>
    <message>
        <source>continue training from this checkpoint</source>
        <translation>이 체크포인트에서 학습 이어가기</translation>
    </message>
    <message>
        <source>set a model parameter (repeatable)</source>
        <translation>모델 매개변수 설정(반복 가능)</translation>
    </message>
    <message>
        <source>set a dataset parameter (repeatable)</source>
        <translation>데이터셋 매개변수 설정(반복 가능)</translation>
    </message>
    <message>
        <source>set an optimizer parameter (repeatable)</source>
        <translation>옵티마이저 매개변수 설정(반복 가능)</translation>
    </message>
    <message>
        <source>set a loss parameter (repeatable)</source>
        <translation>손실 함수 매개변수 설정(반복 가능)</translation>
    </message>
    <message>
        <source>image transforms after ToTensor, in order (default: the dataset&apos;s Normalize)</source>
        <translation>ToTensor 다음에 순서대로 적용할 이미지 변형(기본값: 데이터셋의 Normalize)</translation>
    </message>
    <message>
        <source>augmentations for the training split, e.g. random-affine:degrees=10</source>
        <translation>학습 분할에 쓸 데이터 증강, 예: random-affine:degrees=10</translation>
    </message>
    <message>
        <source>label transforms, e.g. one-hot</source>
        <translation>정답 변형, 예: one-hot</translation>
    </message>
    <message>
        <source>train on the first N samples only (0: all)</source>
        <translation>처음 N개 샘플로만 학습(0: 전체)</translation>
    </message>
    <message>
        <source>test on the first N samples only (0: all)</source>
        <translation>처음 N개 샘플로만 테스트(0: 전체)</translation>
    </message>
    <message>
        <source>leave the optimizer state out of the checkpoint (smaller; cannot resume exactly)</source>
        <translation>체크포인트에 옵티마이저 상태를 넣지 않음(더 작음; 정확히 이어서 학습할 수 없음)</translation>
    </message>
    <message>
        <source>A desktop workbench for PyTorch.</source>
        <translation>PyTorch용 데스크톱 작업대입니다.</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>프로그램 버전을 보여 주고 종료</translation>
    </message>
    <message>
        <source>the language of the window and the messages for this run (default: the system&apos;s)</source>
        <translation>이번 실행에서 창과 메시지의 언어(기본값: 시스템 언어)</translation>
    </message>
    <message>
        <source>render the window offscreen to a PNG and exit</source>
        <translation>창을 화면 밖에서 PNG로 그리고 종료</translation>
    </message>
    <message>
        <source>with --screenshot: the panel to show (playground, data, model, train, ...)</source>
        <translation>--screenshot과 함께: 보여 줄 패널(playground, data, model, train, ...)</translation>
    </message>
    <message>
        <source>with --screenshot: window size WxH (default 1280x800)</source>
        <translation>--screenshot과 함께: 창 크기 WxH (기본값 1280x800)</translation>
    </message>
    <message>
        <source>train a model headless</source>
        <translation>창 없이 모델 학습</translation>
    </message>
    <message>
        <source>Train a model without the window.</source>
        <translation>창 없이 모델을 학습합니다.</translation>
    </message>
    <message>
        <source>print a checkpoint&apos;s test accuracy</source>
        <translation>체크포인트의 테스트 정확도 출력</translation>
    </message>
    <message>
        <source>checkpoint file</source>
        <translation>체크포인트 파일</translation>
    </message>
    <message>
        <source>evaluate a bundled model instead</source>
        <translation>대신 내장 모델 평가</translation>
    </message>
    <message>
        <source>folder holding the datasets</source>
        <translation>데이터셋이 있는 폴더</translation>
    </message>
    <message>
        <source>samples per batch (default 1000)</source>
        <translation>배치 크기(기본값 1000)</translation>
    </message>
    <message>
        <source>list plugins, what they provide and their errors</source>
        <translation>플러그인과 제공 항목, 오류 목록 보기</translation>
    </message>
    <message>
        <source>`plugins enable NAME` / `plugins disable NAME`: the same switch as the app&apos;s</source>
        <translation>`plugins enable NAME` / `plugins disable NAME`: 앱의 스위치와 같음</translation>
    </message>
    <message>
        <source>the plugin to switch on or off</source>
        <translation>켜거나 끌 플러그인</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>기계가 읽는 출력</translation>
    </message>
    <message>
        <source>show the traceback of each plugin problem</source>
        <translation>플러그인 문제마다 traceback 보기</translation>
    </message>
    <message>
        <source>exit with status 1 when any plugin has a problem</source>
        <translation>문제 있는 플러그인이 있으면 상태 1로 종료</translation>
    </message>
    <message>
        <source>switch the plugin NAME off (remembered, also in the app)</source>
        <translation>플러그인 NAME 끄기(앱에서도 기억됨)</translation>
    </message>
    <message>
        <source>switch the plugin NAME back on</source>
        <translation>플러그인 NAME 다시 켜기</translation>
    </message>
    <message>
        <source>a component&apos;s description and parameters</source>
        <translation>구성 요소의 설명과 매개변수</translation>
    </message>
    <message>
        <source>Print what a component does and its parameter schema.</source>
        <translation>구성 요소가 하는 일과 매개변수 스키마를 출력합니다.</translation>
    </message>
    <message>
        <source>a component id, e.g. cnn, adamw, example.lion</source>
        <translation>구성 요소 id, 예: cnn, adamw, example.lion</translation>
    </message>
    <message>
        <source>only this kind (model, dataset, transform, optimizer, loss, scheduler, ...)</source>
        <translation>이 종류만(model, dataset, transform, optimizer, loss, scheduler, ...)</translation>
    </message>
    <message>
        <source>a model file&apos;s layers, shapes and parameters</source>
        <translation>모델 파일의 계층, 모양, 매개변수</translation>
    </message>
    <message>
        <source>Print the layer table of a model file: TorchScript, torch.export (.pt2), ONNX, a torchdesk checkpoint or a state dict. Nothing in the file runs unless --trust.</source>
        <translation>모델 파일의 계층 표를 출력합니다: TorchScript, torch.export(.pt2), ONNX, torchdesk 체크포인트 또는 state dict. --trust가 없으면 파일 안의 코드는 실행되지 않습니다.</translation>
    </message>
    <message>
        <source>the model file</source>
        <translation>모델 파일</translation>
    </message>
    <message>
        <source>one sample&apos;s shape, where the file does not say it</source>
        <translation>파일에 없을 때 샘플 하나의 모양</translation>
    </message>
    <message>
        <source>for a plain state dict: the model id its weights belong to (with --dataset)</source>
        <translation>단순 state dict용: 가중치가 속한 모델 id (--dataset과 함께)</translation>
    </message>
    <message>
        <source>for a state dict or pickled model: the dataset id that sets the image size</source>
        <translation>state dict나 pickle된 모델용: 이미지 크기를 정하는 데이터셋 id</translation>
    </message>
    <message>
        <source>allow code in the file to run (a pickled whole model; loading a .pt2 program)</source>
        <translation>파일 안의 코드 실행 허용(pickle된 전체 모델; .pt2 프로그램 불러오기)</translation>
    </message>
    <message>
        <source>--epochs and --batch-size must be at least 1 and --lr above 0</source>
        <translation>--epochs와 --batch-size는 1 이상, --lr은 0보다 커야 합니다</translation>
    </message>
    <message>
        <source>{path} is a plain state dict; --resume needs a torchdesk checkpoint</source>
        <translation>{path}은(는) 단순 state dict입니다. --resume에는 torchdesk 체크포인트가 필요합니다</translation>
    </message>
    <message>
        <source> × {processes} processes ({backend})</source>
        <translation> × 프로세스 {processes}개({backend})</translation>
    </message>
    <message>
        <source>resident tensor</source>
        <translation>상주 텐서</translation>
    </message>
    <message>
        <source>Training {model} on {dataset} ({samples:,} samples, {loading}) on {device}{world} in {precision}</source>
        <translation>{model} 학습: {dataset} (샘플 {samples:,}개, {loading}), 장치 {device}{world}, {precision}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>저장했습니다: {path}</translation>
    </message>
    <message>
        <source>test accuracy {accuracy:.2f}%</source>
        <translation>테스트 정확도 {accuracy:.2f}%</translation>
    </message>
    <message>
        <source>name a checkpoint file, or --bundled mnist / --bundled fashion-mnist</source>
        <translation>체크포인트 파일을 지정하거나 --bundled mnist / --bundled fashion-mnist를 쓰세요</translation>
    </message>
    <message>
        <source>{model} on {dataset} test split ({samples:,} samples)</source>
        <translation>{model}, {dataset} 테스트 분할(샘플 {samples:,}개)</translation>
    </message>
    <message>
        <source>imported in {seconds:.2f} s</source>
        <translation>가져오기 {seconds:.2f}초</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>오류: {message}</translation>
    </message>
    <message>
        <source>; `torchdesk plugins --traceback` shows the tracebacks</source>
        <translation>; `torchdesk plugins --traceback`으로 traceback을 볼 수 있습니다</translation>
    </message>
    <message>
        <source>{count} plugin has problems: {names}{hint}</source>
        <translation>플러그인 {count}개에 문제가 있습니다: {names}{hint}</translation>
    </message>
    <message>
        <source>{count} plugins have problems: {names}{hint}</source>
        <translation>플러그인 {count}개에 문제가 있습니다: {names}{hint}</translation>
    </message>
    <message>
        <source>`torchdesk plugins {action}` needs the plugin&apos;s name: torchdesk plugins {action} NAME</source>
        <translation>`torchdesk plugins {action}`에는 플러그인 이름이 필요합니다: torchdesk plugins {action} NAME</translation>
    </message>
    <message>
        <source>there is no plugin called {name}; installed: {installed}</source>
        <translation>{name}(이)라는 플러그인이 없습니다. 설치된 플러그인: {installed}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>{name} is switched on; torchdesk and the app remember this.</source>
        <translation>{name}을(를) 켰습니다. torchdesk와 앱이 이 설정을 기억합니다.</translation>
    </message>
    <message>
        <source>{name} is switched off; torchdesk and the app remember this.</source>
        <translation>{name}을(를) 껐습니다. torchdesk와 앱이 이 설정을 기억합니다.</translation>
    </message>
    <message>
        <source>no component called {id}; did you mean {close}? `torchdesk plugins` lists every id.</source>
        <translation>{id}(이)라는 구성 요소가 없습니다. {close}을(를) 말씀하신 건가요? `torchdesk plugins`에서 모든 id를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>no component called {id} `torchdesk plugins` lists every id.</source>
        <translation>{id}(이)라는 구성 요소가 없습니다. `torchdesk plugins`에서 모든 id를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>--model needs --dataset too: the dataset sets the image size the weights are loaded for</source>
        <translation>--model에는 --dataset도 필요합니다: 가중치를 불러올 이미지 크기를 데이터셋이 정합니다</translation>
    </message>
    <message>
        <source>{message} If you do trust it: torchdesk inspect FILE --trust --dataset ID (the dataset sets its image size).</source>
        <translation>{message} 신뢰하는 파일이라면: torchdesk inspect FILE --trust --dataset ID (이미지 크기는 데이터셋이 정합니다).</translation>
    </message>
    <message>
        <source>{error} (`torchdesk plugins` lists every plugin and its errors)</source>
        <translation>{error} (`torchdesk plugins`에서 모든 플러그인과 오류를 볼 수 있습니다)</translation>
    </message>
    <message>
        <source>no command given; the desktop app opens with `torchdesk` (or `python -m torchdesk.desktop.launch`). See `torchdesk --help`.</source>
        <translation>명령이 없습니다. 데스크톱 앱은 `torchdesk`(또는 `python -m torchdesk.desktop.launch`)로 엽니다. `torchdesk --help`를 참고하세요.</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단되었습니다</translation>
    </message>
</context>
<context>
    <name>cli_types</name>
    <message>
        <source>should be a whole number of at least {low:,}, got {got}</source>
        <translation>{low:,} 이상의 정수여야 하는데 {got}이(가) 주어졌습니다</translation>
    </message>
    <message>
        <source>should be a whole number of at least {low:,} and at most {high:,}, got {got}</source>
        <translation>{low:,} 이상 {high:,} 이하의 정수여야 하는데 {got}이(가) 주어졌습니다</translation>
    </message>
    <message>
        <source>should be a number above 0, got {got}</source>
        <translation>0보다 큰 수여야 하는데 {got}이(가) 주어졌습니다</translation>
    </message>
    <message>
        <source>expects WIDTHxHEIGHT with each side from {low} to {high:,}, e.g. 1280x800, got {got}</source>
        <translation>각 변이 {low}~{high:,}인 WIDTHxHEIGHT가 필요한데(예: 1280x800) {got}이(가) 주어졌습니다</translation>
    </message>
</context>
<context>
    <name>devices</name>
    <message>
        <source>Device {device} is not available on this machine. Available: {available}. Choose one of those, or &apos;auto&apos;.</source>
        <translation>이 컴퓨터에서는 장치 {device}을(를) 쓸 수 없습니다. 사용 가능: {available}. 이 중 하나나 &apos;auto&apos;를 고르세요.</translation>
    </message>
    <message>
        <source>CPU · {threads} threads</source>
        <translation>CPU · 스레드 {threads}개</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The disk is full ({where}). Free some space and try again; nothing was overwritten.</source>
        <translation>디스크가 가득 찼습니다({where}). 공간을 확보한 뒤 다시 시도하세요. 덮어쓴 파일은 없습니다.</translation>
    </message>
    <message>
        <source>while writing</source>
        <translation>쓰는 중</translation>
    </message>
    <message>
        <source>Permission denied: {path}. Choose a folder you can write to.</source>
        <translation>권한이 없습니다: {path}. 쓸 수 있는 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>File not found: {path}.</source>
        <translation>파일을 찾을 수 없습니다: {path}.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again; nothing was overwritten.</source>
        <translation>디스크가 가득 찼습니다. 공간을 확보한 뒤 다시 시도하세요. 덮어쓴 파일은 없습니다.</translation>
    </message>
    <message>
        <source>Out of memory. Use a smaller batch size, model or dataset.</source>
        <translation>메모리가 부족합니다. 배치 크기, 모델 또는 데이터셋을 줄이세요.</translation>
    </message>
    <message>
        <source>unexpected error: {error} (set TORCHDESK_DEBUG=1 for the traceback)</source>
        <translation>예기치 않은 오류: {error} (traceback을 보려면 TORCHDESK_DEBUG=1을 설정하세요)</translation>
    </message>
</context>
<context>
    <name>metrics</name>
    <message>
        <source>to reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>on a test batch</source>
        <translation>테스트 배치 처리</translation>
    </message>
    <message>
        <source>to compute its value</source>
        <translation>값 계산</translation>
    </message>
    <message>
        <source>The metric {id} from {origin} built a {type} without a {method}() method; a metric needs reset(), update(logits, labels) and compute().</source>
        <translation>{origin}의 지표 {id}이(가) {method}() 메서드가 없는 {type}을(를) 만들었습니다. 지표에는 reset(), update(logits, labels), compute()가 필요합니다.</translation>
    </message>
</context>
<context>
    <name>plugin_errors</name>
    <message>
        <source>plugin {name} ({distribution})</source>
        <translation>플러그인 {name} ({distribution})</translation>
    </message>
    <message>
        <source>plugin {name}</source>
        <translation>플러그인 {name}</translation>
    </message>
    <message>
        <source>The optimizer {id} from {origin} built {built}, not a torch.optim.Optimizer; its factory must return one.</source>
        <translation>{origin}의 옵티마이저 {id}이(가) torch.optim.Optimizer가 아닌 {built}을(를) 만들었습니다. 팩토리는 Optimizer를 반환해야 합니다.</translation>
    </message>
    <message>
        <source>The {kind} {id} from {origin} built {built}, not {wanted}; its factory must return one.</source>
        <translation>{origin}의 {kind} {id}이(가) {wanted}이(가) 아닌 {built}을(를) 만들었습니다. 팩토리는 그것을 반환해야 합니다.</translation>
    </message>
    <message>
        <source>The {kind} {id} from {origin} failed to build: {reason}</source>
        <translation>{origin}의 {kind} {id}을(를) 만들지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>The {kind} {id} from {origin} failed {action}: {reason}</source>
        <translation>{origin}의 {kind} {id}이(가) {action}에 실패했습니다: {reason}</translation>
    </message>
    <message>
        <source>nothing (None)</source>
        <translation>아무것도 없음(None)</translation>
    </message>
    <message>
        <source>a {type}</source>
        <translation>{type}</translation>
    </message>
    <message>
        <source>(raised in {kind} {id} from {origin})</source>
        <translation>({origin}의 {kind} {id}에서 발생)</translation>
    </message>
</context>
<context>
    <name>plugin_guard</name>
    <message>
        <source>it called sys.exit({code}), which would have ended torchdesk</source>
        <translation>sys.exit({code})를 호출했습니다. 그대로 두었다면 torchdesk가 종료되었을 것입니다</translation>
    </message>
    <message>
        <source>it raised KeyboardInterrupt although Ctrl+C was not pressed</source>
        <translation>Ctrl+C를 누르지 않았는데 KeyboardInterrupt를 발생시켰습니다</translation>
    </message>
    <message>
        <source>it raised {error} (a BaseException, which ends programs; plugins should raise Exception subclasses)</source>
        <translation>{error}을(를) 발생시켰습니다(프로그램을 끝내는 BaseException입니다. 플러그인은 Exception 하위 클래스를 발생시켜야 합니다)</translation>
    </message>
</context>
<context>
    <name>plugin_install</name>
    <message>
        <source>Type a package name, or choose a wheel file or a project folder.</source>
        <translation>패키지 이름을 입력하거나 wheel 파일 또는 프로젝트 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>{path} has no pyproject.toml or setup.py, so pip cannot build it. Choose the folder of a Python project.</source>
        <translation>{path}에 pyproject.toml이나 setup.py가 없어 pip가 빌드할 수 없습니다. Python 프로젝트 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>{path} does not exist. Check the path, or type a package name.</source>
        <translation>{path}이(가) 없습니다. 경로를 확인하거나 패키지 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>{path} is not a wheel (.whl) file. Choose a wheel or a project folder.</source>
        <translation>{path}은(는) wheel(.whl) 파일이 아닙니다. wheel이나 프로젝트 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>{text} is not a package name (for example torchdesk-plugin-example, or name==1.0). For a file or folder, use Wheel… or Folder….</source>
        <translation>{text}은(는) 패키지 이름이 아닙니다(예: torchdesk-plugin-example 또는 name==1.0). 파일이나 폴더는 Wheel… 또는 Folder…를 쓰세요.</translation>
    </message>
    <message>
        <source>{distribution} changed from {old} to {new} while version {old} is loaded: restart torchdesk to use {new}.</source>
        <translation>버전 {old}이(가) 로드된 상태에서 {distribution}이(가) {old}에서 {new}(으)로 바뀌었습니다. {new}을(를) 쓰려면 torchdesk를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Installed {distribution} {version}.</source>
        <translation>{distribution} {version}을(를) 설치했습니다.</translation>
    </message>
    <message>
        <source>Updated {distribution} from {old} to {new}.</source>
        <translation>{distribution}을(를) {old}에서 {new}(으)로 업데이트했습니다.</translation>
    </message>
    <message>
        <source>Removed {distribution} {version}.</source>
        <translation>{distribution} {version}을(를) 제거했습니다.</translation>
    </message>
</context>
<context>
    <name>precision</name>
    <message>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>fp32 (full precision)</source>
        <translation>fp32 (완전 정밀도)</translation>
    </message>
    <message>
        <source>bf16 mixed precision</source>
        <translation>bf16 혼합 정밀도</translation>
    </message>
    <message>
        <source>fp16 mixed precision</source>
        <translation>fp16 혼합 정밀도</translation>
    </message>
    <message>
        <source>Unknown precision {value}; choose one of {choices}.</source>
        <translation>알 수 없는 정밀도 {value}입니다. {choices} 중 하나를 고르세요.</translation>
    </message>
    <message>
        <source>This GPU has no native bf16 (it needs compute capability 8.0 or later). Use --precision fp16 or auto (fp16 with gradient scaling here), or fp32.</source>
        <translation>이 GPU는 bf16을 기본 지원하지 않습니다(compute capability 8.0 이상 필요). --precision fp16이나 auto(여기서는 변화도 스케일링을 쓰는 fp16), 또는 fp32를 쓰세요.</translation>
    </message>
    <message>
        <source>This CPU has no native bf16 instructions (AVX-512 BF16 or AMX): bf16 would run emulated, slower than fp32. Use --precision fp32 or auto.</source>
        <translation>이 CPU에는 bf16 기본 명령어(AVX-512 BF16 또는 AMX)가 없습니다. bf16은 에뮬레이션되어 fp32보다 느립니다. --precision fp32나 auto를 쓰세요.</translation>
    </message>
    <message>
        <source>This CPU has no native fp16 instructions (AVX-512 FP16 or AMX-FP16): fp16 would run emulated, slower than fp32. Use --precision fp32 or auto.</source>
        <translation>이 CPU에는 fp16 기본 명령어(AVX-512 FP16 또는 AMX-FP16)가 없습니다. fp16은 에뮬레이션되어 fp32보다 느립니다. --precision fp32나 auto를 쓰세요.</translation>
    </message>
    <message>
        <source>Mixed precision ({precision}) is not supported on the {device} device here. Use --precision fp32 or auto.</source>
        <translation>이 {device} 장치에서는 혼합 정밀도({precision})를 지원하지 않습니다. --precision fp32나 auto를 쓰세요.</translation>
    </message>
    <message>
        <source>The gradients were NaN or infinite for {steps} steps in a row (fp16 loss scale now {scale:.3g}). Training stopped. Lower the learning rate, check the data&apos;s normalisation, or train in bf16 or fp32.</source>
        <translation>변화도가 {steps}단계 연속 NaN이거나 무한대였습니다(현재 fp16 손실 스케일 {scale:.3g}). 학습을 멈췄습니다. 학습률을 낮추거나, 데이터 정규화를 확인하거나, bf16 또는 fp32로 학습하세요.</translation>
    </message>
    <message>
        <source>{precision} mixed precision</source>
        <translation>{precision} 혼합 정밀도</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>cancelled</source>
        <translation>취소되었습니다</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs}  train loss {train_loss:.4f}  test loss {test_loss:.4f}  test accuracy {accuracy:.2f}%  ({took})</source>
        <translation>에폭 {epoch}/{epochs}  학습 손실 {train_loss:.4f}  테스트 손실 {test_loss:.4f}  테스트 정확도 {accuracy:.2f}%  ({took})</translation>
    </message>
    <message>
        <source>cancelled after {epochs} epoch(s)</source>
        <translation>에폭 {epochs}개 후 취소됨</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>오류: {message}</translation>
    </message>
    <message>
        <source>acc {accuracy:.1f}%</source>
        <translation>정확도 {accuracy:.1f}%</translation>
    </message>
    <message>
        <source>epoch {epoch} [{bar}] {percent:3.0f}%  loss {loss:.4f}{acc}  {rate:,.0f} samples/s  left {left}</source>
        <translation>에폭 {epoch} [{bar}] {percent:3.0f}%  손실 {loss:.4f}{acc}  초당 샘플 {rate:,.0f}개  남은 시간 {left}</translation>
    </message>
</context>
<context>
    <name>registry</name>
    <message>
        <source>active</source>
        <translation>활성</translation>
    </message>
    <message>
        <source>partly failed</source>
        <translation>일부 실패</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>it is part of torchdesk: please report this</source>
        <translation>torchdesk에 포함된 플러그인입니다. 이 문제를 알려 주세요</translation>
    </message>
    <message>
        <source>update it, or switch it off with `torchdesk plugins --disable {name}` (or untick it in Plugins &gt; Plugins…)</source>
        <translation>업데이트하거나 `torchdesk plugins --disable {name}`(또는 플러그인 &gt; 플러그인…에서 체크 해제)으로 끄세요</translation>
    </message>
    <message>
        <source>Plugin {origin} took {seconds:.1f} s to import, and torchdesk waits for it every time it starts; {fix}.</source>
        <translation>플러그인 {origin}을(를) 가져오는 데 {seconds:.1f}초가 걸렸고, torchdesk는 시작할 때마다 이를 기다립니다. {fix}.</translation>
    </message>
    <message>
        <source>third-party plugins are off (TORCHDESK_DISABLE_THIRD_PARTY)</source>
        <translation>서드파티 플러그인이 꺼져 있습니다(TORCHDESK_DISABLE_THIRD_PARTY)</translation>
    </message>
    <message>
        <source>plugin name {name} is used by {count} distributions ({origins}), so neither was loaded: which one won would depend on the order of sys.path. Uninstall one of them (pip uninstall NAME).</source>
        <translation>플러그인 이름 {name}을(를) 배포판 {count}개({origins})가 쓰고 있어 어느 것도 불러오지 않았습니다. 어느 쪽이 선택될지는 sys.path 순서에 달려 있기 때문입니다. 하나를 제거하세요(pip uninstall NAME).</translation>
    </message>
    <message>
        <source>plugin name {name} is used by {origins}</source>
        <translation>플러그인 이름 {name}을(를) {origins}이(가) 쓰고 있습니다</translation>
    </message>
    <message>
        <source>could not be imported: {reason}</source>
        <translation>가져올 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>is not a valid plugin: {reason}</source>
        <translation>올바른 플러그인이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a folder</source>
        <translation>{path}은(는) 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>torchdesk_translations() failed: {reason}</source>
        <translation>torchdesk_translations()가 실패했습니다: {reason}</translation>
    </message>
    <message>
        <source>could not be asked for its {attribute}: {reason}</source>
        <translation>{attribute} 값을 물어볼 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first}~{last}</translation>
    </message>
    <message>
        <source>update torchdesk (pip install -U torchdesk), or install a release of the plugin made for API {version}</source>
        <translation>torchdesk를 업데이트하거나(pip install -U torchdesk) API {version}용 플러그인 릴리스를 설치하세요</translation>
    </message>
    <message>
        <source>ask its author for a release made for this torchdesk</source>
        <translation>작성자에게 이 torchdesk용 릴리스를 요청하세요</translation>
    </message>
    <message>
        <source>was written for torchdesk plugin API {declared}, and this torchdesk speaks API {supported}, so it was not loaded: {fix}</source>
        <translation>torchdesk 플러그인 API {declared}용으로 작성되었는데 이 torchdesk는 API {supported}을(를) 지원하므로 불러오지 않았습니다: {fix}</translation>
    </message>
    <message>
        <source>could not be listed: {reason}</source>
        <translation>목록을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Did you mean {name}?</source>
        <translation>{name}을(를) 말씀하신 건가요?</translation>
    </message>
    <message>
        <source>has a function {name}(), which is not a torchdesk hook, so it provides nothing.{hint} The hooks are: {hooks}.</source>
        <translation>torchdesk 훅이 아닌 함수 {name}()가 있어 아무것도 제공하지 않습니다.{hint} 훅 목록: {hooks}.</translation>
    </message>
    <message>
        <source>raised in {hook}(): {reason}</source>
        <translation>{hook}()에서 오류가 발생했습니다: {reason}</translation>
    </message>
    <message>
        <source>{hook}() returned {value}, not a {type}</source>
        <translation>{hook}()가 {type}이(가) 아닌 {value}을(를) 반환했습니다</translation>
    </message>
    <message>
        <source>(bad id)</source>
        <translation>(잘못된 id)</translation>
    </message>
    <message>
        <source>offers the {kind} {id}, which was refused: {problems}</source>
        <translation>{kind} {id}을(를) 제공하지만 거부되었습니다: {problems}</translation>
    </message>
    <message>
        <source>offers the {kind} id {id} twice; the first was kept</source>
        <translation>{kind} id {id}을(를) 두 번 제공합니다. 첫 번째 것을 썼습니다</translation>
    </message>
    <message>
        <source>plugin {name} ({distribution}) {problem}</source>
        <translation>플러그인 {name} ({distribution}): {problem}</translation>
    </message>
    <message>
        <source> and </source>
        <translation>, </translation>
    </message>
    <message>
        <source>plugin {name} ({distribution})</source>
        <translation>플러그인 {name} ({distribution})</translation>
    </message>
    <message>
        <source>plugin {name} ({distribution}): the {kind} id {id} is offered by {names}, so neither is used (which one you meant cannot be known). Uninstall one, or ask the authors to use their own namespace (&apos;{namespaced}&apos;).</source>
        <translation>플러그인 {name} ({distribution}): {kind} id {id}을(를) {names}이(가) 함께 제공하므로 어느 것도 쓰지 않습니다(어느 쪽을 뜻했는지 알 수 없습니다). 하나를 제거하거나 작성자에게 자기 이름공간(&apos;{namespaced}&apos;)을 쓰도록 요청하세요.</translation>
    </message>
    <message>
        <source>torchdesk&apos;s own (plugin {name}, {distribution})</source>
        <translation>torchdesk 자체의 것(플러그인 {name}, {distribution})</translation>
    </message>
    <message>
        <source>in the namespace &apos;{namespace}.&apos; that torchdesk keeps for itself</source>
        <translation>torchdesk가 자체용으로 예약한 이름공간 &apos;{namespace}.&apos;에 속한 것</translation>
    </message>
    <message>
        <source>in the namespace of plugin {name} ({distribution})</source>
        <translation>플러그인 {name} ({distribution})의 이름공간에 속한 것</translation>
    </message>
    <message>
        <source>plugin {name} ({distribution}) offers the {kind} id {id}, which is {reason}; it was refused. A plugin&apos;s ids start with its own name: &apos;{name_only}.…&apos;.</source>
        <translation>플러그인 {name} ({distribution})이(가) 제공한 {kind} id {id}은(는) {reason}이므로 거부되었습니다. 플러그인의 id는 자기 이름으로 시작해야 합니다: &apos;{name_only}.…&apos;.</translation>
    </message>
    <message>
        <source>a {type}</source>
        <translation>{type} 값</translation>
    </message>
    <message>
        <source>The {kind} {id} comes from plugin {origin}, which is switched off. Switch it on with `torchdesk plugins enable {name}` (or tick it in Plugins &gt; Plugins…) and try again.</source>
        <translation>{kind} {id}은(는) 꺼져 있는 플러그인 {origin}에서 옵니다. `torchdesk plugins enable {name}`(또는 플러그인 &gt; 플러그인…에서 체크)으로 켠 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Plugin {origin} should offer it but has problems.</source>
        <translation>플러그인 {origin}이(가) 제공해야 하지만 문제가 있습니다.</translation>
    </message>
    <message>
        <source>A plugin that should offer it may have failed.</source>
        <translation>이를 제공해야 할 플러그인이 실패했을 수 있습니다.</translation>
    </message>
    <message>
        <source>No {kind} called {id}.{hint} Available: {available}.{blamed} Run `torchdesk plugins` to see every plugin and its problems.</source>
        <translation>{id}(이)라는 {kind}이(가) 없습니다.{hint} 사용 가능: {available}.{blamed} `torchdesk plugins`를 실행하면 모든 플러그인과 문제를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>The {kind} {id} from plugin {origin} failed to build</source>
        <translation>플러그인 {origin}의 {kind} {id}을(를) 만들지 못했습니다</translation>
    </message>
    <message>
        <source>The {kind} {id} from plugin {origin} failed to migrate a checkpoint&apos;s parameters</source>
        <translation>플러그인 {origin}의 {kind} {id}이(가) 체크포인트의 매개변수를 변환하지 못했습니다</translation>
    </message>
    <message>
        <source>the text {text}</source>
        <translation>텍스트 {text}</translation>
    </message>
    <message>
        <source>the text {text}… ({count:,} characters)</source>
        <translation>텍스트 {text}… ({count:,}자)</translation>
    </message>
</context>
<context>
    <name>run_config</name>
    <message>
        <source>Correct that setting (the app&apos;s Export run… writes a valid run file).</source>
        <translation>그 설정을 고치세요(앱의 실행 내보내기…는 올바른 실행 파일을 씁니다).</translation>
    </message>
    <message>
        <source>Run setting &apos;{name}&apos;</source>
        <translation>실행 설정 &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>{setting} should be a component id or a table with an id (for example {{id = &quot;cnn&quot;}}) but holds {value}. {fix}</source>
        <translation>{setting}은(는) 구성 요소 id이거나 id가 있는 테이블(예: {{id = &quot;cnn&quot;}})이어야 하는데 {value}이(가) 들어 있습니다. {fix}</translation>
    </message>
    <message>
        <source>A parameter name in run setting &apos;{name}&apos;</source>
        <translation>실행 설정 &apos;{name}&apos;의 매개변수 이름</translation>
    </message>
    <message>
        <source>a number, text or true/false</source>
        <translation>숫자, 텍스트 또는 true/false</translation>
    </message>
    <message>
        <source>the run settings</source>
        <translation>실행 설정</translation>
    </message>
    <message>
        <source>unknown run settings: {names}</source>
        <translation>알 수 없는 실행 설정: {names}</translation>
    </message>
    <message>
        <source>{setting} should be a list of components, for example [&quot;normalize&quot;], but holds {value}. {fix}</source>
        <translation>{setting}은(는) 구성 요소 목록(예: [&quot;normalize&quot;])이어야 하는데 {value}이(가) 들어 있습니다. {fix}</translation>
    </message>
    <message>
        <source>{setting} lists {count:,} components; at most {limit} make sense. {fix}</source>
        <translation>{setting}에 구성 요소가 {count:,}개 있습니다. 최대 {limit}개까지가 적절합니다. {fix}</translation>
    </message>
    <message>
        <source>{setting} is {value}; it should be a number above 0. {fix}</source>
        <translation>{setting}의 값이 {value}입니다. 0보다 큰 수여야 합니다. {fix}</translation>
    </message>
    <message>
        <source>{setting} is {value}; it should be one of {choices}. {fix}</source>
        <translation>{setting}의 값이 {value}입니다. {choices} 중 하나여야 합니다. {fix}</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 또는 false</translation>
    </message>
</context>
<context>
    <name>run_file</name>
    <message>
        <source>reading run files needs Python 3.11 or newer</source>
        <translation>실행 파일을 읽으려면 Python 3.11 이상이 필요합니다</translation>
    </message>
    <message>
        <source>run file {path} is not a regular file (a folder, pipe or device); choose a .toml file</source>
        <translation>실행 파일 {path}은(는) 일반 파일이 아닙니다(폴더, 파이프 또는 장치). .toml 파일을 고르세요</translation>
    </message>
    <message>
        <source>run file {path} is {size:,} bytes; a run file is a few hundred. Choose the .toml file torchdesk wrote.</source>
        <translation>실행 파일 {path}의 크기가 {size:,}바이트입니다. 실행 파일은 수백 바이트입니다. torchdesk가 쓴 .toml 파일을 고르세요.</translation>
    </message>
    <message>
        <source>run file {path} does not exist</source>
        <translation>실행 파일 {path}이(가) 없습니다</translation>
    </message>
    <message>
        <source>run file {path} is not valid TOML: {reason}</source>
        <translation>실행 파일 {path}은(는) 올바른 TOML이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>run file {path} is nested too deeply to be a run file</source>
        <translation>실행 파일 {path}은(는) 실행 파일이라기엔 너무 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>The [run] table of {name}</source>
        <translation>{name}의 [run] 테이블</translation>
    </message>
    <message>
        <source>The run settings in {name}</source>
        <translation>{name}의 실행 설정</translation>
    </message>
    <message>
        <source>run file {path}: {reason}</source>
        <translation>실행 파일 {path}: {reason}</translation>
    </message>
    <message>
        <source>The run settings hold a name that is not valid text ({reason}); rename that folder or file and export again.</source>
        <translation>실행 설정에 올바른 텍스트가 아닌 이름이 있습니다({reason}). 그 폴더나 파일의 이름을 바꾸고 다시 내보내세요.</translation>
    </message>
</context>
<context>
    <name>schedulers</name>
    <message>
        <source>a function factor(epoch) -&gt; float</source>
        <translation>함수 factor(epoch) -&gt; float</translation>
    </message>
    <message>
        <source>to compute the learning rate</source>
        <translation>학습률 계산</translation>
    </message>
    <message>
        <source>The scheduler {id} from {origin} gave the factor {factor} at epoch {epoch:.2f}; it must be a finite number of at least 0.</source>
        <translation>{origin}의 스케줄러 {id}이(가) 에폭 {epoch:.2f}에서 배율 {factor}을(를) 돌려주었습니다. 배율은 0 이상의 유한한 수여야 합니다.</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <source>model {id} from plugin {plugin} built a {type}, not a torch.nn.Module</source>
        <translation>플러그인 {plugin}의 모델 {id}이(가) torch.nn.Module이 아닌 {type}을(를) 만들었습니다</translation>
    </message>
    <message>
        <source>training run</source>
        <translation>학습 중인 모델</translation>
    </message>
    <message>
        <source>a loss function loss(logits, labels)</source>
        <translation>손실 함수 loss(logits, labels)</translation>
    </message>
</context>
<context>
    <name>specs</name>
    <message>
        <source>parameter {name}: unknown type {type} (use one of {types})</source>
        <translation>매개변수 {name}: 알 수 없는 유형 {type} ({types} 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>parameter {name}: a choice needs at least one choice</source>
        <translation>매개변수 {name}: choice에는 선택지가 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>{name}: {value} is not one of {choices}</source>
        <translation>{name}: {value}은(는) {choices} 중 하나가 아닙니다</translation>
    </message>
    <message>
        <source>{name}: {value} is not a valid {type}</source>
        <translation>{name}: {value}은(는) 올바른 {type}이(가) 아닙니다</translation>
    </message>
    <message>
        <source>{name}: {value} is below the minimum {minimum}</source>
        <translation>{name}: {value}은(는) 최솟값 {minimum}보다 작습니다</translation>
    </message>
    <message>
        <source>{name}: {value} is above the maximum {maximum}</source>
        <translation>{name}: {value}은(는) 최댓값 {maximum}보다 큽니다</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>{kind} {id} has no parameter {name} (it has: {known})</source>
        <translation>{kind} {id}에는 매개변수 {name}이(가) 없습니다(있는 것: {known})</translation>
    </message>
    <message>
        <source>component</source>
        <translation>구성 요소</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>transform</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>scheduler</source>
        <translation>스케줄러</translation>
    </message>
    <message>
        <source>callback</source>
        <translation>콜백</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>components</source>
        <translation>구성 요소</translation>
    </message>
    <message>
        <source>models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>datasets</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>transforms</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>optimizers</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>losses</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>schedulers</source>
        <translation>스케줄러</translation>
    </message>
    <message>
        <source>callbacks</source>
        <translation>콜백</translation>
    </message>
    <message>
        <source>metrics</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>its id {id} is not usable: an id is 1 to 100 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (no spaces), starting with a letter or digit</source>
        <translation>id {id}은(는) 쓸 수 없습니다: id는 글자나 숫자로 시작하는 1~100자의 글자, 숫자, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;입니다(공백 없음)</translation>
    </message>
    <message>
        <source>it has no display name</source>
        <translation>표시 이름이 없습니다</translation>
    </message>
    <message>
        <source>its description is not text</source>
        <translation>설명이 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>its factory is not callable</source>
        <translation>factory를 호출할 수 없습니다</translation>
    </message>
    <message>
        <source>its migrate is not callable</source>
        <translation>migrate를 호출할 수 없습니다</translation>
    </message>
    <message>
        <source>its parameters hold {type}, not a Param</source>
        <translation>매개변수에 Param이 아닌 {type}이(가) 있습니다</translation>
    </message>
    <message>
        <source>the parameter name {name} is not a Python name (it is passed to the factory as a keyword)</source>
        <translation>매개변수 이름 {name}은(는) Python 이름이 아닙니다(factory에 키워드로 전달됩니다)</translation>
    </message>
    <message>
        <source>the parameter {name} is declared twice</source>
        <translation>매개변수 {name}이(가) 두 번 선언되었습니다</translation>
    </message>
    <message>
        <source>the parameter {name}: {problem}</source>
        <translation>매개변수 {name}: {problem}</translation>
    </message>
    <message>
        <source>its minimum {minimum} is above its maximum {maximum}</source>
        <translation>최솟값 {minimum}이(가) 최댓값 {maximum}보다 큽니다</translation>
    </message>
    <message>
        <source>its default {default} is not one of its choices ({choices})</source>
        <translation>기본값 {default}이(가) 선택지({choices}) 중 하나가 아닙니다</translation>
    </message>
    <message>
        <source>its default {default} is not a {type}</source>
        <translation>기본값 {default}이(가) {type}이(가) 아닙니다</translation>
    </message>
    <message>
        <source>its default does not fit its own bounds ({reason})</source>
        <translation>기본값이 자체 범위에 맞지 않습니다({reason})</translation>
    </message>
    <message>
        <source>a {type} of {digits} digits</source>
        <translation>{digits}자리 {type}</translation>
    </message>
    <message>
        <source>a {type}</source>
        <translation>{type} 값</translation>
    </message>
    <message>
        <source>… ({count:,} characters)</source>
        <translation>… ({count:,}자)</translation>
    </message>
    <message>
        <source>parameter {name} is declared twice</source>
        <translation>매개변수 {name}이(가) 두 번 선언되었습니다</translation>
    </message>
</context>
<context>
    <name>thread_tuner</name>
    <message>
        <source>{count} → {rate:,.0f} samples/s</source>
        <translation>{count} → 초당 샘플 {rate:,.0f}개</translation>
    </message>
    <message>
        <source>CPU threads: {threads} of {available} ({reason}: {rates})</source>
        <translation>CPU 스레드: {available}개 중 {threads}개({reason}: {rates})</translation>
    </message>
    <message>
        <source>CPU threads: {threads} of {available} ({reason})</source>
        <translation>CPU 스레드: {available}개 중 {threads}개({reason})</translation>
    </message>
    <message>
        <source>fixed by OMP_NUM_THREADS or --threads</source>
        <translation>OMP_NUM_THREADS 또는 --threads로 고정</translation>
    </message>
    <message>
        <source>other work in the app</source>
        <translation>앱의 다른 작업</translation>
    </message>
    <message>
        <source>the only choice</source>
        <translation>유일한 선택</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>측정함</translation>
    </message>
</context>
<context>
    <name>threads</name>
    <message>
        <source>the thread count must be a whole number of at least 1, got {count}</source>
        <translation>스레드 수는 1 이상의 정수여야 하는데 {count}이(가) 주어졌습니다</translation>
    </message>
</context>
<context>
    <name>trainer</name>
    <message>
        <source>Training stopped: {reason}</source>
        <translation>학습을 멈췄습니다: {reason}</translation>
    </message>
    <message>
        <source>The loss became {value} at epoch {epoch}, batch {batch}. Training stopped. Lower the learning rate, check the data&apos;s normalisation, or pick another loss.</source>
        <translation>에폭 {epoch}, 배치 {batch}에서 손실이 {value}이(가) 되어 학습을 멈췄습니다. 학습률을 낮추거나, 데이터 정규화를 확인하거나, 다른 손실 함수를 고르세요.</translation>
    </message>
    <message>
        <source>unknown learning-rate schedule {name}; choose one of {names}</source>
        <translation>알 수 없는 학습률 스케줄 {name}입니다. {names} 중 하나를 고르세요</translation>
    </message>
    <message>
        <source>The device ran out of memory. Use a smaller batch size or model.</source>
        <translation>장치의 메모리가 부족합니다. 배치 크기나 모델을 줄이세요.</translation>
    </message>
    <message>
        <source>The computer ran out of memory. Use a smaller batch size, model or dataset.</source>
        <translation>컴퓨터의 메모리가 부족합니다. 배치 크기, 모델 또는 데이터셋을 줄이세요.</translation>
    </message>
</context>
</TS>
